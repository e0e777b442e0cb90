import { Command } from '@nestjs/cqrs';
import type { Employment } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { EnrollEmployeeRequest } from './enroll-employee.request.dto';

export class EnrollEmployeeCommand extends Command<Employment & { residentId: string }> {
  constructor(
    readonly creditCode: string,
    readonly request: EnrollEmployeeRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
