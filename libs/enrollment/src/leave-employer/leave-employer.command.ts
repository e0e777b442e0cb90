import { Command } from '@nestjs/cqrs';
import type { Employment } from '../domain';
import type { CommandContext } from '../shared/command-context';
import type { LeaveEmployerRequest } from './leave-employer.request.dto';

export class LeaveEmployerCommand extends Command<Employment & { residentId: string }> {
  constructor(
    readonly creditCode: string,
    readonly residentId: string,
    readonly request: LeaveEmployerRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
