import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Employment } from '../domain';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { EnrollEmployeeCommand } from './enroll-employee.command';
import { EnrollEmployeeRequest } from './enroll-employee.request.dto';
import { EmploymentSchema } from '../shared/person-records.schemas';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EnrollEmployeeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':creditCode/employees')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Enroll an employee with a registered employer (ENROLL_EMPLOYEE)',
    description: 'One employer at a time; a resident-scheme enrollment is refused while employed.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: EmploymentSchema, description: 'The employment' })
  @ApiNotFoundResponse({ description: 'The employer is not registered' })
  @ApiConflictResponse({ description: 'Already employed here or elsewhere' })
  enroll(
    @Param('creditCode') creditCode: string,
    @Body() body: EnrollEmployeeRequest,
    @Context() context: CommandContext,
  ): Promise<Employment & { residentId: string }> {
    return this.commands.execute(new EnrollEmployeeCommand(creditCode, body, context));
  }
}
