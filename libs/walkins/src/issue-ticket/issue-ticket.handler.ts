import { ticketOf } from '../domain/station-queue.state';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_DATA, type CommandAnswer, type PersonalData } from '@circle/event-store';
import { Clock } from '../clock';
import { classifyTicket } from '../domain/priority';
import { queueDayOf } from '../domain/queue-day';
import { decideQueue } from '../domain/station-queue';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { StationReferral } from '../stations/station-referral';
import { WALKINS_SETTINGS } from '../walkins.config';
import { IssueTicketCommand } from './issue-ticket.command';

@CommandHandler(IssueTicketCommand)
export class IssueTicketHandler implements ICommandHandler<IssueTicketCommand> {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
    private readonly referral: StationReferral,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

  /**
   * The kiosk's phone goes into the log sealed: with the resident's key when the ticket names
   * them, else with a key kept for the number, which erasing a resident who has it deletes.
   */
  private async sealedPhone(
    command: IssueTicketCommand,
  ): Promise<{ phone?: string; phoneKey?: string }> {
    if (!command.phone) return {};
    const phoneKey = command.residentId ?? this.personal.phoneKeyId(command.phone);
    const keyring = await this.personal.keyring([phoneKey], { create: true });
    const { phone } = keyring.seal(phoneKey, { phone: command.phone });
    return phone ? { phone, phoneKey } : {};
  }

  async execute(command: IssueTicketCommand): Promise<CommandAnswer> {
    const station = await this.stations.station(command.stationId);
    if (!station.businesses.includes(command.business))
      throw await this.referral.wrongStation(
        command.business,
        station,
        await this.stations.district(),
      );
    const phone = await this.sealedPhone(command);
    const now = this.clock.now();
    const day = queueDayOf(now);
    const priorityClass = classifyTicket(
      { declared: command.priority, residentId: command.residentId, today: day },
      this.settings,
    );
    return this.queues.execute(
      station.stationId,
      day,
      (state) => {
        const events = decideQueue(
          {
            kind: 'issue',
            stationId: station.stationId,
            business: command.business,
            priorityClass,
            now,
            ...phone,
            ...(command.residentId ? { residentId: command.residentId } : {}),
          },
          state,
        );
        return {
          events,
          answer: (after) => {
            const ticketId = events[0]?.data.ticketId ?? '';
            const ticket = ticketOf(after, ticketId);
            if (!ticket) throw new Error(`ticket ${ticketId} vanished after its issue`);
            const view = ticketView(station.stationId, ticket, (id) =>
              this.queues.place(station, after, id),
            );
            return {
              status: 201,
              body: {
                ticketId,
                number: view.number,
                business: view.business,
                priorityClass: view.priorityClass,
                position: view.position,
                estimatedWait: view.estimatedWait,
              },
            };
          },
        };
      },
      command.context,
    );
  }
}
