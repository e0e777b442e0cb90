import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { decideQueue } from '../domain/station-queue';
import { TicketDesk } from '../tickets/ticket-desk';
import { CancelTicketCommand } from './cancel-ticket.command';

@CommandHandler(CancelTicketCommand)
export class CancelTicketHandler implements ICommandHandler<CancelTicketCommand> {
  constructor(private readonly desk: TicketDesk) {}

  execute({ act, reason }: CancelTicketCommand): Promise<CommandAnswer> {
    return this.desk.act(act, (state, now) =>
      decideQueue(
        {
          kind: 'cancel',
          ticketId: act.ticketId,
          by: act.principal.username,
          ...(reason ? { reason } : {}),
          now,
        },
        state,
      ),
    );
  }
}
