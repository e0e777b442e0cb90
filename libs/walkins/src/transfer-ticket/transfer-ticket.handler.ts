import { ticketOf } from '../domain/station-queue.state';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer } from '@circle/event-store';
import type { Station } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { queueDayOf } from '../domain/queue-day';
import { decideQueue, ticketIn } from '../domain/station-queue';
import { QueueState, Ticket, initialQueueState } from '../domain/station-queue.state';
import {
  TRANSFERABLE,
  TransferTarget,
  decideLocalTransfer,
  transferTarget,
  transferredIssue,
} from '../domain/transfer';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { TicketView, ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import type { CommandContext } from '../streams/event-stream';
import { TicketAct, TicketDesk } from '../tickets/ticket-desk';
import { WALKINS_SETTINGS } from '../walkins.config';
import { checkTransferTarget } from './transfer-target.check';
import { TransferTicketCommand } from './transfer-ticket.command';

/**
 * Within a station both tickets change in one append. To another station the new ticket is
 * issued there first (one stream per transaction), then the old one is closed here; if this
 * station refuses by then (say the ticket was completed meanwhile), the new ticket is cancelled.
 */
@CommandHandler(TransferTicketCommand)
export class TransferTicketHandler implements ICommandHandler<TransferTicketCommand> {
  constructor(
    private readonly desk: TicketDesk,
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  async execute({ act, to }: TransferTicketCommand): Promise<CommandAnswer> {
    const [address, origin] = await this.desk.locate(act.ticketId, act.principal);
    const now = this.clock.now();
    const { state } = await this.queues.queue(origin.stationId, address.day);
    const ticket = ticketIn(state, act.ticketId, TRANSFERABLE, 'be transferred');
    const request = { ticketId: act.ticketId, by: act.principal.username, now, ...to };
    const target = transferTarget(request, ticket, origin.stationId);
    const destination =
      target.stationId === origin.stationId
        ? origin
        : await this.stations.anyStation(target.stationId);
    checkTransferTarget(
      target,
      destination,
      await this.stations.district(),
      this.settings.travelKmh,
    );
    // A ticket of an earlier day moves to today's stream, as a transfer to another station does.
    if (destination === origin && address.day === queueDayOf(now))
      return this.queues.execute(
        origin.stationId,
        address.day,
        (current) => {
          const events = decideLocalTransfer(request, target, current, origin.stationId);
          return {
            events,
            answer: (after) => this.answer(origin, after, act.ticketId, origin, after),
          };
        },
        act.context,
      );
    return this.acrossStations(ticket, address.day, origin, destination, target, act, now);
  }

  private async acrossStations(
    ticket: Ticket,
    day: string,
    origin: Station,
    destination: Station,
    target: TransferTarget,
    act: TicketAct,
    now: string,
  ): Promise<CommandAnswer> {
    const arrivalDay = queueDayOf(now);
    const arrival = await this.queues.execute(
      destination.stationId,
      arrivalDay,
      (state) => {
        const events = decideQueue(transferredIssue(ticket, target, origin.stationId, now), state);
        return {
          events,
          answer: () => ({ status: 201, body: { ticketId: events[0]?.data.ticketId } }),
        };
      },
      arrivalContext(act.context, destination.stationId),
    );
    const toTicketId = (arrival.body as { ticketId: string }).ticketId;
    try {
      return await this.queues.execute(
        origin.stationId,
        day,
        (state) => ({
          events: decideQueue(
            {
              kind: 'transfer-out',
              ticketId: ticket.ticketId,
              by: act.principal.username,
              toTicketId,
              toStationId: destination.stationId,
              toBusiness: target.business,
              ...(target.counterId ? { toCounterId: target.counterId } : {}),
              now,
            },
            state,
          ),
          answer: (after) =>
            this.answer(
              origin,
              after,
              ticket.ticketId,
              destination,
              this.queues.cached(destination.stationId, arrivalDay) ?? initialQueueState(),
            ),
        }),
        act.context,
      );
    } catch (error) {
      await this.withdraw(destination, arrivalDay, toTicketId, act, now);
      throw error;
    }
  }

  private async withdraw(
    destination: Station,
    day: string,
    ticketId: string,
    act: TicketAct,
    now: string,
  ): Promise<void> {
    await this.queues.execute(
      destination.stationId,
      day,
      (state) => ({
        events: decideQueue(
          {
            kind: 'cancel',
            ticketId,
            by: act.principal.username,
            reason: 'transfer refused where it came from',
            now,
          },
          state,
        ),
        answer: () => ({ status: 200, body: undefined }),
      }),
      { metadata: { ...act.context.metadata, stationId: destination.stationId } },
    );
  }

  private answer(
    origin: Station,
    originState: QueueState,
    ticketId: string,
    destination: Station,
    destinationState: QueueState,
  ): CommandAnswer {
    const from = ticketOf(originState, ticketId);
    const to = from?.transferredTo ? ticketOf(destinationState, from.transferredTo) : undefined;
    if (!from || !to) throw new Error(`transfer of ${ticketId} left no linked ticket`);
    const body: { from: TicketView; ticket: TicketView } = {
      from: ticketView(origin.stationId, from),
      ticket: ticketView(destination.stationId, to, (id) =>
        this.queues.place(destination, destinationState, id),
      ),
    };
    return { status: 200, body };
  }
}

/** The arrival at the other station is its own command: a repeat of the request finds it again. */
function arrivalContext(context: CommandContext, stationId: string): CommandContext {
  return {
    metadata: { ...context.metadata, stationId },
    ...(context.idempotency
      ? { idempotency: { ...context.idempotency, key: `${context.idempotency.key}:arrival` } }
      : {}),
  };
}
