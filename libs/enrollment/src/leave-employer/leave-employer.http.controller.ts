import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Employment } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { LeaveEmployerCommand } from './leave-employer.command';
import { LeaveEmployerRequest } from './leave-employer.request.dto';
import { EmploymentSchema } from '../shared/person-records.schemas';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class LeaveEmployerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':creditCode/employees/:residentId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that an employee left; their employee coverage stops' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: EmploymentSchema, description: 'The closed employment' })
  @ApiNotFoundResponse({ description: 'Not an employee of this employer' })
  leave(
    @Param('creditCode') creditCode: string,
    @Param('residentId') residentId: string,
    @Body() body: LeaveEmployerRequest,
    @Context() context: CommandContext,
  ): Promise<Employment & { residentId: string }> {
    return this.commands.execute(new LeaveEmployerCommand(creditCode, residentId, body, context));
  }
}
