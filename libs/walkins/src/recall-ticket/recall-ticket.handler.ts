import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import { decideQueue } from '../domain/station-queue';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { TicketDesk } from '../tickets/ticket-desk';
import { WALKINS_SETTINGS } from '../walkins.config';
import { RecallTicketCommand } from './recall-ticket.command';

@CommandHandler(RecallTicketCommand)
export class RecallTicketHandler implements ICommandHandler<RecallTicketCommand> {
  constructor(
    private readonly desk: TicketDesk,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  execute({ act }: RecallTicketCommand): Promise<CommandAnswer> {
    return this.desk.act(act, (state, now) =>
      decideQueue(
        {
          kind: 'recall',
          ticketId: act.ticketId,
          clerk: act.principal.username,
          recallLimit: this.settings.recallLimit,
          now,
        },
        state,
      ),
    );
  }
}
