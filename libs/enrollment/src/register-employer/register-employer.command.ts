import { Command } from '@nestjs/cqrs';
import type { EmployerState } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { RegisterEmployerRequest } from './register-employer.request.dto';

export class RegisterEmployerCommand extends Command<EmployerState> {
  constructor(
    readonly request: RegisterEmployerRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
