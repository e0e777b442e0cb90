import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { decideQueue } from '../domain/station-queue';
import { TicketDesk } from '../tickets/ticket-desk';
import { StartServiceCommand } from './start-service.command';

@CommandHandler(StartServiceCommand)
export class StartServiceHandler implements ICommandHandler<StartServiceCommand> {
  constructor(private readonly desk: TicketDesk) {}

  execute({ act }: StartServiceCommand): Promise<CommandAnswer> {
    return this.desk.act(act, (state, now) =>
      decideQueue(
        { kind: 'start', ticketId: act.ticketId, clerk: act.principal.username, now },
        state,
      ),
    );
  }
}
