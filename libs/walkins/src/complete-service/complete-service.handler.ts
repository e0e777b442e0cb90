import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { decideQueue } from '../domain/station-queue';
import { TicketDesk } from '../tickets/ticket-desk';
import { CompleteServiceCommand } from './complete-service.command';

@CommandHandler(CompleteServiceCommand)
export class CompleteServiceHandler implements ICommandHandler<CompleteServiceCommand> {
  constructor(private readonly desk: TicketDesk) {}

  execute(command: CompleteServiceCommand): Promise<CommandAnswer> {
    const { act } = command;
    return this.desk.act(act, (state, now) =>
      decideQueue(
        {
          kind: 'complete',
          ticketId: act.ticketId,
          clerk: act.principal.username,
          ...command.result,
          now,
        },
        state,
      ),
    );
  }
}
