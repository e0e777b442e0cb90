import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer, EventStore } from '@circle/event-store';
import { randomUUID } from 'node:crypto';
import type { Station } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { queueDayOf } from '../domain/queue-day';
import { ticketIn } from '../domain/station-queue';
import { TransferRefused } from '../domain/station-queue.errors';
import { QueueState, ticketOf } from '../domain/station-queue.state';
import { parseTicketId } from '../domain/ticket-id';
import {
  TRANSFERABLE,
  TransferRequest,
  TransferTarget,
  decideLocalTransfer,
  transferTarget,
} from '../domain/transfer';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { TicketView, ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { StationReferral } from '../stations/station-referral';
import type { CommandContext } from '../streams/event-stream';
import { TicketDesk } from '../tickets/ticket-desk';
import { TransferProcess, TransferSource } from '../transfer-process/transfer-process';
import { WALKINS_SETTINGS } from '../walkins.config';
import { keptTransfer, startContext } from './kept-transfer';
import { checkTransferTarget } from './transfer-target.check';
import { TransferTicketCommand } from './transfer-ticket.command';

/**
 * Within one queue stream both tickets change in one append. To another stream (another
 * station, or today's queue for a ticket of an earlier day) the transfer is a process of three
 * appends, each to one stream (TransferProcess); the answer is given once all three stand.
 */
@CommandHandler(TransferTicketCommand)
export class TransferTicketHandler implements ICommandHandler<TransferTicketCommand> {
  constructor(
    private readonly desk: TicketDesk,
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly transfers: TransferProcess,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly referral: StationReferral,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  async execute({ act, to }: TransferTicketCommand): Promise<CommandAnswer> {
    const [address, origin] = await this.desk.locate(act.ticketId, act.principal);
    const kept = await keptTransfer(this.store, act.context);
    if (kept && 'answer' in kept) return kept.answer;
    if (kept) return this.conclude(origin, address.day, act.ticketId, kept.transferId, act.context);
    const now = this.clock.now();
    const { state } = await this.queues.queue(origin.stationId, address.day);
    const ticket = ticketIn(state, act.ticketId, TRANSFERABLE, 'be transferred');
    const request = { ticketId: act.ticketId, by: act.principal.username, now, ...to };
    const target = transferTarget(request, ticket, origin.stationId);
    const destination =
      target.stationId === origin.stationId
        ? origin
        : await this.stations.anyStation(target.stationId);
    // Refused before anything is written: a refused request leaves the log as it was.
    await checkTransferTarget(target, destination, await this.stations.district(), this.referral);
    if (destination === origin && address.day === queueDayOf(now))
      return this.withinQueue(origin, address.day, request, target, act.context);
    return this.acrossQueues(origin, address.day, request, target, act.context);
  }

  private withinQueue(
    origin: Station,
    day: string,
    request: TransferRequest,
    target: TransferTarget,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.queues.execute(
      origin.stationId,
      day,
      (current) => ({
        events: decideLocalTransfer(request, target, current, origin.stationId),
        answer: (after) => this.answer(origin, after, request.ticketId, origin, after),
      }),
      context,
    );
  }

  private async acrossQueues(
    origin: Station,
    day: string,
    request: TransferRequest,
    target: TransferTarget,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    const { ticketId, by, now } = request;
    const start = { transferId: randomUUID(), ticketId, by, now, target };
    const transferId = await this.transfers.start(
      origin.stationId,
      day,
      start,
      startContext(context),
    );
    return this.conclude(origin, day, ticketId, transferId, context);
  }

  /** Steps 2 and 3 wherever they stand, then the answer, kept for the request's key. */
  private async conclude(
    origin: Station,
    day: string,
    ticketId: string,
    transferId: string,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    const source = { stationId: origin.stationId, day, transferId };
    const outcome = await this.transfers.finish(source, context.metadata);
    if ('declined' in outcome) throw await this.declined(source, outcome.declined);
    const arrival = parseTicketId(outcome.toTicketId);
    const destination = await this.stations.anyStation(arrival.stationId);
    const { state } = await this.queues.queue(arrival.stationId, arrival.day);
    // No events: this append keeps the answer for the request's key, once every step stands.
    return this.queues.execute(
      origin.stationId,
      day,
      () => ({
        events: [],
        answer: (after) => this.answer(origin, after, ticketId, destination, state),
      }),
      context,
    );
  }

  /** The destination turned the transfer down after the request was checked; named by field. */
  private async declined(source: TransferSource, reason: string): Promise<TransferRefused> {
    const { state } = await this.queues.queue(source.stationId, source.day);
    const transfer = state.transfersOut[source.transferId];
    const field =
      transfer?.toStationId !== source.stationId
        ? 'toStationId'
        : transfer.toCounterId
          ? 'toCounterId'
          : 'toBusiness';
    return new TransferRefused(
      field,
      `was declined there (${reason}); the ticket waits here again`,
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
