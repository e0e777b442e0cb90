import { queueDayOf } from './queue-day';
import { decideQueue, ticketIn } from './station-queue';
import type { QueueEvent } from './station-queue.events';
import type { ArrivalOutcome, QueueState, Ticket, TransferOut } from './station-queue.state';
import { TRANSFERABLE, TransferTarget, transferredIssue } from './transfer';

/*
 * The steps of a transfer to another queue stream. A transaction appends to one stream only,
 * so each step is its own append, and each is decided on the state its stream already holds:
 * repeating a step that was written (after a crash, or by two processes at once) writes nothing.
 */

export interface StartTransfer {
  readonly transferId: string;
  readonly ticketId: string;
  readonly by: string;
  readonly now: string;
  readonly target: TransferTarget;
}

/** Step 1, in the ticket's queue: the ticket leaves it, to arrive or come back. */
export function decideTransferStart(command: StartTransfer, state: QueueState): QueueEvent[] {
  const ticket = ticketIn(state, command.ticketId, TRANSFERABLE, 'be transferred');
  const { target } = command;
  return [
    {
      type: 'walkins.TicketTransferStarted',
      data: {
        transferId: command.transferId,
        ticketId: ticket.ticketId,
        toStationId: target.stationId,
        toBusiness: target.business,
        ...(target.counterId ? { toCounterId: target.counterId } : {}),
        by: command.by,
        at: command.now,
      },
    },
  ];
}

export function targetOf(transfer: TransferOut): TransferTarget {
  return {
    stationId: transfer.toStationId,
    business: transfer.toBusiness,
    ...(transfer.toCounterId ? { counterId: transfer.toCounterId } : {}),
  };
}

/** The destination's queue is that of the transfer's own day, however late step 2 runs. */
export function arrivalDayOf(transfer: TransferOut): string {
  return queueDayOf(transfer.at);
}

export interface Arrival {
  readonly transfer: TransferOut;
  /** The ticket as it stood when it left, from its own queue. */
  readonly from: Ticket;
  readonly fromStationId: string;
}

/**
 * Step 2, in the destination's queue: a ticket issued as of the transfer's instant, or a
 * decline when the destination cannot take the resident. Decided once per transferId.
 */
export function decideArrival(
  { transfer, from, fromStationId }: Arrival,
  refusal: string | undefined,
  state: QueueState,
): QueueEvent[] {
  if (state.arrivals[transfer.transferId]) return [];
  if (refusal === undefined) {
    const issue = transferredIssue(from, targetOf(transfer), fromStationId, transfer.at, false);
    return decideQueue({ ...issue, transferId: transfer.transferId }, state);
  }
  return [
    {
      type: 'walkins.TicketTransferDeclined',
      data: {
        transferId: transfer.transferId,
        stationId: transfer.toStationId,
        fromTicketId: from.ticketId,
        business: transfer.toBusiness,
        reason: refusal,
        at: transfer.at,
      },
    },
  ];
}

export function arrivalOf(state: QueueState, transferId: string): ArrivalOutcome | undefined {
  return state.arrivals[transferId];
}

/** Step 3, in the ticket's queue: linked to its new ticket, or waiting again in its place. */
export function decideTransferEnd(
  transferId: string,
  outcome: ArrivalOutcome,
  now: string,
  state: QueueState,
): QueueEvent[] {
  const transfer = state.transfersOut[transferId];
  if (!transfer || transfer.outcome) return [];
  const { ticketId } = transfer;
  if ('toTicketId' in outcome)
    return [
      {
        type: 'walkins.TicketTransferCompleted',
        data: { transferId, ticketId, toTicketId: outcome.toTicketId, at: now },
      },
    ];
  return [
    {
      type: 'walkins.TicketTransferUndone',
      data: { transferId, ticketId, reason: outcome.declined, at: now },
    },
  ];
}

/** Transfers whose step 3 is not written yet: what a process manager must carry on. */
export function transfersUnderWay(state: QueueState): TransferOut[] {
  return Object.values(state.transfersOut).filter((t) => !t.outcome);
}
