import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { ServiceResult } from '../domain/service-outcome';
import type { TicketAct } from '../tickets/ticket-desk';

export class CompleteServiceCommand extends Command<CommandAnswer> {
  constructor(
    readonly act: TicketAct,
    readonly result: ServiceResult,
  ) {
    super();
  }
}
