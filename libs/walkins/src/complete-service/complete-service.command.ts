import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { ServiceOutcome } from '../domain/station-queue.events';
import type { TicketAct } from '../tickets/ticket-desk';

export class CompleteServiceCommand extends Command<CommandAnswer> {
  constructor(
    readonly act: TicketAct,
    readonly outcome: ServiceOutcome,
    readonly recordId?: string,
  ) {
    super();
  }
}
