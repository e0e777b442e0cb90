import { arrived, evolveTransfer } from './transfer.evolve';
import type { QueueEvent } from './station-queue.events';
import {
  LAST_CALLS_KEPT,
  QueueState,
  SERVICE_SAMPLES_KEPT,
  Ticket,
  finish,
  put,
  stopWaiting,
  ticketOf,
} from './station-queue.state';

type Data<T extends QueueEvent['type']> = Extract<QueueEvent, { type: T }>['data'];

export function evolveQueue(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'walkins.TicketIssued':
      return arrived(issued(state, event.data), event.data);
    case 'walkins.TicketCalled':
      return called(state, event.data);
    case 'walkins.TicketRecalled':
      return recalled(state, event.data);
    case 'walkins.ServiceStarted': {
      const ticket = ticketOf(state, event.data.ticketId);
      if (!ticket) return state;
      return {
        ...state,
        tickets: put(state, { ...ticket, status: 'serving', startedAt: event.data.at }),
      };
    }
    case 'walkins.ServiceCompleted':
      return completed(state, event.data);
    case 'walkins.TicketNoShow':
      return finish(state, event.data.ticketId, { status: 'no-show', finishedAt: event.data.at });
    case 'walkins.TicketCancelled':
      return finish(state, event.data.ticketId, { status: 'cancelled', finishedAt: event.data.at });
    case 'walkins.TicketTransferred':
      return finish(state, event.data.ticketId, {
        status: 'transferred',
        finishedAt: event.data.at,
        transferredTo: event.data.toTicketId,
      });
    default:
      return evolveTransfer(state, event);
  }
}

function recalled(state: QueueState, data: Data<'walkins.TicketRecalled'>): QueueState {
  const ticket = ticketOf(state, data.ticketId);
  if (!ticket) return state;
  return {
    ...state,
    tickets: put(state, { ...ticket, recalls: data.recalls, calledAt: data.at }),
    lastCalls: [
      { ticketId: ticket.ticketId, number: ticket.number, counterId: data.counterId, at: data.at },
      ...state.lastCalls.filter((c) => c.ticketId !== ticket.ticketId),
    ].slice(0, LAST_CALLS_KEPT),
  };
}

function issued(state: QueueState, data: Data<'walkins.TicketIssued'>) {
  const serial = Number(data.ticketId.slice(data.ticketId.lastIndexOf('-') + 1));
  const letter = data.number.replace(/\d+$/, '');
  const count = Number(data.number.slice(letter.length));
  const ticket: Ticket = {
    ticketId: data.ticketId,
    serial,
    number: data.number,
    business: data.business,
    priorityClass: data.priorityClass,
    arrivedAt: data.arrivedAt,
    issuedAt: data.issuedAt,
    status: 'waiting',
    recalls: 0,
    ...(data.reservedCounterId ? { reservedCounterId: data.reservedCounterId } : {}),
    ...(data.transferredFrom ? { transferredFrom: data.transferredFrom } : {}),
    ...(data.phone ? { phone: data.phone } : {}),
    ...(data.phone && data.phoneKey ? { phoneKey: data.phoneKey } : {}),
  };
  return {
    ...state,
    tickets: put(state, ticket),
    waiting: [...state.waiting, ticket],
    lastSerial: Math.max(state.lastSerial, serial),
    issuedPerLetter: {
      ...state.issuedPerLetter,
      [letter]: Math.max(state.issuedPerLetter[letter] ?? 0, count),
    },
  };
}

function called(state: QueueState, data: Data<'walkins.TicketCalled'>) {
  const ticket = ticketOf(state, data.ticketId);
  if (!ticket) return state;
  return {
    ...state,
    tickets: put(state, {
      ...ticket,
      status: 'called',
      counterId: data.counterId,
      clerk: data.clerk,
      calledAt: data.calledAt,
    }),
    waiting: stopWaiting(state, ticket),
    priorityStreak: data.priorityStreak,
    atCounter: { ...state.atCounter, [data.counterId]: data.ticketId },
    lastCalls: [
      {
        ticketId: data.ticketId,
        number: data.number,
        counterId: data.counterId,
        at: data.calledAt,
      },
      ...state.lastCalls,
    ].slice(0, LAST_CALLS_KEPT),
  };
}

function completed(state: QueueState, data: Data<'walkins.ServiceCompleted'>) {
  const after = finish(state, data.ticketId, {
    status: 'done',
    finishedAt: data.at,
    outcome: data.outcome,
    ...(data.recordId ? { recordId: data.recordId } : {}),
    ...(data.recordKind ? { recordKind: data.recordKind } : {}),
    ...(data.reason ? { reason: data.reason } : {}),
    ...(data.note ? { note: data.note } : {}),
  });
  const samples = [...(state.serviceSeconds[data.business] ?? []), data.serviceSeconds];
  return {
    ...after,
    serviceSeconds: {
      ...state.serviceSeconds,
      [data.business]: samples.slice(-SERVICE_SAMPLES_KEPT),
    },
  };
}
