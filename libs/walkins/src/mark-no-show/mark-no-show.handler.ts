import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { decideQueue } from '../domain/station-queue';
import { TicketDesk } from '../tickets/ticket-desk';
import { MarkNoShowCommand } from './mark-no-show.command';

@CommandHandler(MarkNoShowCommand)
export class MarkNoShowHandler implements ICommandHandler<MarkNoShowCommand> {
  constructor(private readonly desk: TicketDesk) {}

  execute({ act }: MarkNoShowCommand): Promise<CommandAnswer> {
    return this.desk.act(act, (state, now) =>
      decideQueue(
        { kind: 'no-show', ticketId: act.ticketId, clerk: act.principal.username, now },
        state,
      ),
    );
  }
}
