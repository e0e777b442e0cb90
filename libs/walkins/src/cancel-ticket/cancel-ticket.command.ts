import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { TicketAct } from '../tickets/ticket-desk';

export class CancelTicketCommand extends Command<CommandAnswer> {
  constructor(
    readonly act: TicketAct,
    readonly reason?: string,
  ) {
    super();
  }
}
