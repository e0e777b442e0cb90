import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { TicketClass } from './priority-class';
import type { NotHandledReason, RecordKind, ServiceOutcome } from './service-outcome';

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
  readonly recordKind?: RecordKind;
  readonly reason?: NotHandledReason;
  readonly note?: string;
  readonly phone?: string;
  readonly phoneKey?: string;
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
  /** The day's transfers from this queue to another queue stream, by transferId. */
  readonly transfersOut: Readonly<Record<string, TransferOut>>;
  /** How this queue answered each transfer sent to it, by transferId. */
  readonly arrivals: Readonly<Record<string, ArrivalOutcome>>;
}

/** What the destination did with a transfer: issued a ticket, or declined with a reason. */
export type ArrivalOutcome = { readonly toTicketId: string } | { readonly declined: string };

export interface TransferOut {
  readonly transferId: string;
  readonly ticketId: string;
  readonly toStationId: string;
  readonly toBusiness: BusinessCode;
  readonly toCounterId?: string;
  readonly by: string;
  readonly at: string;
  /** Absent while the transfer is under way: step 3 has not been written yet. */
  readonly outcome?: ArrivalOutcome;
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
  transfersOut: {},
  arrivals: {},
});

export const ACTIVE: readonly TicketStatus[] = ['called', 'serving'];
export const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

export function put(state: QueueState, ticket: Ticket): TicketBook {
  const key = bucketOf(ticket.ticketId);
  return { ...state.tickets, [key]: { ...state.tickets[key], [ticket.ticketId]: ticket } };
}

export function freeCounter(state: QueueState, ticket: Ticket): Readonly<Record<string, string>> {
  if (!ticket.counterId || state.atCounter[ticket.counterId] !== ticket.ticketId)
    return state.atCounter;
  const counterId = ticket.counterId;
  return Object.fromEntries(Object.entries(state.atCounter).filter(([id]) => id !== counterId));
}

export function stopWaiting(state: QueueState, ticket: Ticket): readonly Ticket[] {
  return ticket.status === 'waiting'
    ? state.waiting.filter((t) => t.ticketId !== ticket.ticketId)
    : state.waiting;
}

/** Puts a ticket back among the waiting in issue order, the order the list keeps. */
export function rejoin(state: QueueState, ticket: Ticket): readonly Ticket[] {
  const after = state.waiting.findIndex((t) => t.serial > ticket.serial);
  if (after < 0) return [...state.waiting, ticket];
  return [...state.waiting.slice(0, after), ticket, ...state.waiting.slice(after)];
}

export function waitingTickets(state: QueueState): readonly Ticket[] {
  return state.waiting;
}

export function finish(state: QueueState, ticketId: string, change: Partial<Ticket>): QueueState {
  const ticket = ticketOf(state, ticketId);
  if (!ticket) return state;
  return {
    ...state,
    tickets: put(state, { ...ticket, ...change }),
    waiting: stopWaiting(state, ticket),
    atCounter: freeCounter(state, ticket),
  };
}
