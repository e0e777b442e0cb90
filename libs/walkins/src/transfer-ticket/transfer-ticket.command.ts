import { Command } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { TicketAct } from '../tickets/ticket-desk';
import type { TransferTicketRequest } from './transfer-ticket.request.dto';

export class TransferTicketCommand extends Command<CommandAnswer> {
  constructor(
    readonly act: TicketAct,
    readonly to: TransferTicketRequest,
  ) {
    super();
  }
}
