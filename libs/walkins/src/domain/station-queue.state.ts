import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { TicketClass } from './priority-class';
import type { QueueEvent, ServiceOutcome } from './station-queue.events';

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no-show',
  'cancelled',
  'transferred',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface Ticket {
  readonly ticketId: string;
  readonly serial: number;
  readonly number: string;
  readonly business: BusinessCode;
  readonly priorityClass: TicketClass;
  readonly arrivedAt: string;
  readonly issuedAt: string;
  readonly status: TicketStatus;
  readonly recalls: number;
  readonly counterId?: string;
  readonly clerk?: string;
  readonly calledAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly reservedCounterId?: string;
  readonly transferredFrom?: string;
  readonly transferredTo?: string;
  readonly outcome?: ServiceOutcome;
  readonly recordId?: string;
  readonly phone?: string;
}

export interface LastCall {
  readonly ticketId: string;
  readonly number: string;
  readonly counterId: string;
  readonly at: string;
}

/**
 * The day's tickets in buckets of 64 by serial. Every event replaces one ticket; copying one
 * bucket and the short bucket index keeps that cheap on a busy day, where copying a flat map of
 * every ticket made each event cost as much as the whole day so far.
 */
export type TicketBook = Readonly<Record<string, Readonly<Record<string, Ticket>>>>;

const BUCKET_SIZE = 64;

function bucketOf(ticketId: string): string {
  return String(Math.floor(Number(ticketId.slice(ticketId.lastIndexOf('-') + 1)) / BUCKET_SIZE));
}

export function ticketOf(state: QueueState, ticketId: string): Ticket | undefined {
  return state.tickets[bucketOf(ticketId)]?.[ticketId];
}

/** Every ticket of the day, in issue order. */
export function allTickets(state: QueueState): Ticket[] {
  return Object.values(state.tickets)
    .flatMap((bucket) => Object.values(bucket))
    .sort((a, b) => a.serial - b.serial);
}

/** One station's queue for one day. Plain JSON, so it can be kept as a snapshot. */
export interface QueueState {
  readonly tickets: TicketBook;
  /**
   * The waiting tickets in issue order: calls look at these, not the whole day. A ticket does
   * not change while it waits, so these are the very objects of the book.
   */
  readonly waiting: readonly Ticket[];
  readonly lastSerial: number;
  /** The day's count per ticket letter. */
  readonly issuedPerLetter: Readonly<Record<string, number>>;
  /** Priority calls since the last regular call (the fairness ratio's counter). */
  readonly priorityStreak: number;
  /** Recent service seconds per business, newest last. */
  readonly serviceSeconds: Readonly<Partial<Record<BusinessCode, readonly number[]>>>;
  /** The ticket called or in service at each counter. */
  readonly atCounter: Readonly<Record<string, string>>;
  /** The display board's latest calls, newest first. */
  readonly lastCalls: readonly LastCall[];
}

export const LAST_CALLS_KEPT = 10;
/** The window the state keeps; settings may look at fewer. */
export const SERVICE_SAMPLES_KEPT = 50;

export const initialQueueState = (): QueueState => ({
  tickets: {},
  waiting: [],
  lastSerial: 0,
  issuedPerLetter: {},
  priorityStreak: 0,
  serviceSeconds: {},
  atCounter: {},
  lastCalls: [],
});

export const ACTIVE: readonly TicketStatus[] = ['called', 'serving'];
export const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

function put(state: QueueState, ticket: Ticket): TicketBook {
  const key = bucketOf(ticket.ticketId);
  return { ...state.tickets, [key]: { ...state.tickets[key], [ticket.ticketId]: ticket } };
}

function freeCounter(state: QueueState, ticket: Ticket): Readonly<Record<string, string>> {
  if (!ticket.counterId || state.atCounter[ticket.counterId] !== ticket.ticketId)
    return state.atCounter;
  const counterId = ticket.counterId;
  return Object.fromEntries(Object.entries(state.atCounter).filter(([id]) => id !== counterId));
}

function stopWaiting(state: QueueState, ticket: Ticket): readonly Ticket[] {
  return ticket.status === 'waiting'
    ? state.waiting.filter((t) => t.ticketId !== ticket.ticketId)
    : state.waiting;
}

export function waitingTickets(state: QueueState): readonly Ticket[] {
  return state.waiting;
}

function finish(state: QueueState, ticketId: string, change: Partial<Ticket>): QueueState {
  const ticket = ticketOf(state, ticketId);
  if (!ticket) return state;
  return {
    ...state,
    tickets: put(state, { ...ticket, ...change }),
    waiting: stopWaiting(state, ticket),
    atCounter: freeCounter(state, ticket),
  };
}

export function evolveQueue(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'walkins.TicketIssued':
      return issued(state, event.data);
    case 'walkins.TicketCalled':
      return called(state, event.data);
    case 'walkins.TicketRecalled': {
      const ticket = ticketOf(state, event.data.ticketId);
      if (!ticket) return state;
      return {
        ...state,
        tickets: put(state, { ...ticket, recalls: event.data.recalls, calledAt: event.data.at }),
        lastCalls: [
          {
            ticketId: ticket.ticketId,
            number: ticket.number,
            counterId: event.data.counterId,
            at: event.data.at,
          },
          ...state.lastCalls.filter((c) => c.ticketId !== ticket.ticketId),
        ].slice(0, LAST_CALLS_KEPT),
      };
    }
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
  }
}

function issued(
  state: QueueState,
  data: Extract<QueueEvent, { type: 'walkins.TicketIssued' }>['data'],
) {
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

function called(
  state: QueueState,
  data: Extract<QueueEvent, { type: 'walkins.TicketCalled' }>['data'],
) {
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

function completed(
  state: QueueState,
  data: Extract<QueueEvent, { type: 'walkins.ServiceCompleted' }>['data'],
) {
  const after = finish(state, data.ticketId, {
    status: 'done',
    finishedAt: data.at,
    outcome: data.outcome,
    ...(data.recordId ? { recordId: data.recordId } : {}),
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
