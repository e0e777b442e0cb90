import type { TicketIssued } from './station-queue.events';
import {
  ArrivalOutcome,
  QueueState,
  Ticket,
  TransferOut,
  finish,
  put,
  rejoin,
  ticketOf,
} from './station-queue.state';
import type { TransferEvent } from './transfer.events';

type Data<T extends TransferEvent['type']> = Extract<TransferEvent, { type: T }>['data'];

/** Folds the steps of a transfer into the queue on either side of it. */
export function evolveTransfer(state: QueueState, event: TransferEvent): QueueState {
  switch (event.type) {
    case 'walkins.TicketTransferStarted':
      return started(state, event.data);
    case 'walkins.TicketTransferDeclined':
      return answered(state, event.data.transferId, { declined: event.data.reason });
    case 'walkins.TicketTransferCompleted':
      return completed(state, event.data);
    case 'walkins.TicketTransferUndone':
      return undone(state, event.data);
  }
}

/** A ticket issued as step 2 of a transfer is this queue's answer to that transfer. */
export function arrived(state: QueueState, data: TicketIssued['data']): QueueState {
  return data.transferId ? answered(state, data.transferId, { toTicketId: data.ticketId }) : state;
}

function answered(state: QueueState, transferId: string, outcome: ArrivalOutcome): QueueState {
  return { ...state, arrivals: { ...state.arrivals, [transferId]: outcome } };
}

function started(state: QueueState, data: Data<'walkins.TicketTransferStarted'>): QueueState {
  const after = finish(state, data.ticketId, { status: 'transferred', finishedAt: data.at });
  const transfer: TransferOut = { ...data };
  return { ...after, transfersOut: { ...state.transfersOut, [data.transferId]: transfer } };
}

function settled(state: QueueState, transferId: string, outcome: ArrivalOutcome): QueueState {
  const transfer = state.transfersOut[transferId];
  if (!transfer) return state;
  return {
    ...state,
    transfersOut: { ...state.transfersOut, [transferId]: { ...transfer, outcome } },
  };
}

function completed(state: QueueState, data: Data<'walkins.TicketTransferCompleted'>): QueueState {
  const ticket = ticketOf(state, data.ticketId);
  const linked = ticket
    ? { ...state, tickets: put(state, { ...ticket, transferredTo: data.toTicketId }) }
    : state;
  return settled(linked, data.transferId, { toTicketId: data.toTicketId });
}

/** Back among the waiting in its own place; the call it may have had is void. */
function undone(state: QueueState, data: Data<'walkins.TicketTransferUndone'>): QueueState {
  const ticket = ticketOf(state, data.ticketId);
  if (!ticket) return settled(state, data.transferId, { declined: data.reason });
  const waiting = waitingAgain(ticket);
  const restored = { ...state, tickets: put(state, waiting), waiting: rejoin(state, waiting) };
  return settled(restored, data.transferId, { declined: data.reason });
}

const CALL_FIELDS: ReadonlySet<string> = new Set([
  'counterId',
  'clerk',
  'calledAt',
  'startedAt',
  'finishedAt',
]);

function waitingAgain(ticket: Ticket): Ticket {
  const kept = Object.entries(ticket).filter(([field]) => !CALL_FIELDS.has(field));
  return { ...(Object.fromEntries(kept) as unknown as Ticket), status: 'waiting' };
}
