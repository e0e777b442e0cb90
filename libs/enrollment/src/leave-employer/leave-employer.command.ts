import { Command } from '@nestjs/cqrs';
import type { Employment } from '../domain';
import type { CommandContext } from '@circle/event-store';
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
