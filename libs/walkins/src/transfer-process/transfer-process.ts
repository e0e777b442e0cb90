import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@circle/kernel';
import type { CommandAnswer, EventMetadata } from '@circle/event-store';
import { Clock } from '../clock';
import type { ArrivalOutcome, Ticket, TransferOut } from '../domain/station-queue.state';
import { ticketOf } from '../domain/station-queue.state';
import { TicketNotFound } from '../domain/ticket-id';
import {
  StartTransfer,
  arrivalDayOf,
  arrivalOf,
  decideArrival,
  decideTransferEnd,
  decideTransferStart,
  targetOf,
} from '../domain/transfer-steps';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { StationReferral } from '../stations/station-referral';
import type { CommandContext } from '../streams/event-stream';
import { checkTransferTarget } from '../transfer-ticket/transfer-target.check';
import { WALKINS_SETTINGS } from '../walkins.config';

/** Where a transfer's step 1 was written: the ticket's station and queue day. */
export interface TransferSource {
  readonly stationId: string;
  readonly day: string;
  readonly transferId: string;
}

/**
 * The process manager of transfers between queue streams. Its state is the events: step 1 in
 * the ticket's queue says a transfer is under way, step 2 in the destination's queue says how
 * it was answered, step 3 back in the ticket's queue closes it. Every step is decided on its
 * stream's state, so carrying a transfer on from wherever it stopped (after a crash, or twice at
 * once) writes each step once.
 */
@Injectable()
export class TransferProcess {
  private readonly running = new Map<string, Promise<ArrivalOutcome>>();

  constructor(
    private readonly queues: QueueBook,
    private readonly stations: StationBook,
    private readonly clock: Clock,
    private readonly referral: StationReferral,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  /** Step 1; gives the transferId, the first one's when the request's key was seen before. */
  async start(
    stationId: string,
    day: string,
    command: StartTransfer,
    context: CommandContext,
  ): Promise<string> {
    const answer = await this.queues.execute(
      stationId,
      day,
      (state) => ({
        events: decideTransferStart(command, state),
        answer: (): CommandAnswer => ({ status: 202, body: { transferId: command.transferId } }),
      }),
      context,
    );
    return (answer.body as { transferId: string }).transferId;
  }

  /** Steps 2 and 3, from wherever the transfer stands; one run per transfer in this process. */
  finish(source: TransferSource, metadata: EventMetadata): Promise<ArrivalOutcome> {
    const running = this.running.get(source.transferId);
    if (running) return running;
    const run = this.carryOn(source, metadata).finally(() =>
      this.running.delete(source.transferId),
    );
    this.running.set(source.transferId, run);
    return run;
  }

  private async carryOn(source: TransferSource, metadata: EventMetadata): Promise<ArrivalOutcome> {
    const { state } = await this.queues.queue(source.stationId, source.day);
    const transfer = state.transfersOut[source.transferId];
    if (!transfer) throw new Error(`no transfer ${source.transferId} in ${source.stationId}`);
    if (transfer.outcome) return transfer.outcome;
    const from = ticketOf(state, transfer.ticketId);
    if (!from) throw new TicketNotFound(transfer.ticketId);
    const outcome = await this.arrive(transfer, from, source.stationId, metadata);
    await this.queues.execute(
      source.stationId,
      source.day,
      (current) => ({
        events: decideTransferEnd(transfer.transferId, outcome, this.clock.now(), current),
        answer: (): CommandAnswer => ({ status: 200, body: undefined }),
      }),
      { metadata },
    );
    return outcome;
  }

  /** Step 2: the destination takes the resident or declines, once per transfer. */
  private async arrive(
    transfer: TransferOut,
    from: Ticket,
    fromStationId: string,
    metadata: EventMetadata,
  ): Promise<ArrivalOutcome> {
    const refusal = await this.refusal(transfer);
    const answer = await this.queues.execute(
      transfer.toStationId,
      arrivalDayOf(transfer),
      (state) => ({
        events: decideArrival({ transfer, from, fromStationId }, refusal, state),
        answer: (after): CommandAnswer => ({
          status: 200,
          body: arrivalOf(after, transfer.transferId),
        }),
      }),
      { metadata: { ...metadata, stationId: transfer.toStationId } },
    );
    return answer.body as ArrivalOutcome;
  }

  /** Why the destination cannot take the resident now, if it cannot. */
  private async refusal(transfer: TransferOut): Promise<string | undefined> {
    try {
      const destination = await this.stations.anyStation(transfer.toStationId);
      const district = await this.stations.district();
      await checkTransferTarget(targetOf(transfer), destination, district, this.referral);
      return undefined;
    } catch (error) {
      // Only a rule's refusal is an answer; a database that is away is retried later instead.
      if (error instanceof DomainError) return error.message;
      throw error;
    }
  }
}
