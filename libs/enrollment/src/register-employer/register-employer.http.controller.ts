import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { EmployerState } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { RegisterEmployerCommand } from './register-employer.command';
import { RegisterEmployerRequest } from './register-employer.request.dto';
import { EmployerRegisteredSchema } from '../shared/person-records.schemas';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class RegisterEmployerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an employer by unified social credit code (ENROLL_EMPLOYEE)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: EmployerRegisteredSchema,
    description: '{registered: {creditCode, name, region, …}}',
  })
  @ApiConflictResponse({ description: 'Already registered' })
  register(
    @Body() body: RegisterEmployerRequest,
    @Context() context: CommandContext,
  ): Promise<EmployerState> {
    return this.commands.execute(new RegisterEmployerCommand(body, context));
  }
}
