import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { TicketClass } from './priority-class';

/** What the call policy needs to know about a waiting ticket. */
export interface WaitingTicket {
  readonly ticketId: string;
  readonly serial: number;
  readonly business: BusinessCode;
  readonly priorityClass: TicketClass;
  readonly arrivedAt: string;
  readonly reservedCounterId?: string;
}

export interface CallingCounter {
  /** Undefined when simulating a counter that may take any ticket (the station's call order). */
  readonly counterId?: string;
  readonly skills: readonly BusinessCode[];
}

export interface Pick<T extends WaitingTicket> {
  readonly ticket: T;
  /** The fairness counter after this call. */
  readonly priorityStreak: number;
}

/** Earlier arrival first; a transfer keeps its arrival, so the serial breaks ties only. */
export function byArrival(a: WaitingTicket, b: WaitingTicket): number {
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt ? -1 : 1;
  return a.serial - b.serial;
}

function callableBy(counter: CallingCounter) {
  return (t: WaitingTicket) =>
    counter.skills.includes(t.business) &&
    (t.reservedCounterId === undefined ||
      counter.counterId === undefined ||
      t.reservedCounterId === counter.counterId);
}

function earliest<T extends WaitingTicket>(tickets: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const t of tickets) if (!best || byArrival(t, best) < 0) best = t;
  return best;
}

/**
 * The next ticket for a counter. Priority tickets go first, FIFO by arrival, until
 * `fairnessRatio` of them have been called in a row at the station; then the longest-waiting
 * regular ticket goes, so regular residents are never starved by a steady stream of priority.
 */
export function pickNext<T extends WaitingTicket>(
  waiting: readonly T[],
  counter: CallingCounter,
  priorityStreak: number,
  fairnessRatio: number,
): Pick<T> | undefined {
  const candidates = waiting.filter(callableBy(counter));
  const regular = earliest(candidates.filter((t) => t.priorityClass === 'regular'));
  const priority = earliest(candidates.filter((t) => t.priorityClass !== 'regular'));
  if (regular && (!priority || priorityStreak >= fairnessRatio))
    return { ticket: regular, priorityStreak: 0 };
  if (priority) return { ticket: priority, priorityStreak: priorityStreak + 1 };
  return undefined;
}

/**
 * The order the station would call its waiting tickets in, if counters skilled for everything
 * kept calling and nobody new arrived: what the queue screens and positions show.
 */
export function callOrder<T extends WaitingTicket>(
  waiting: readonly T[],
  priorityStreak: number,
  fairnessRatio: number,
): T[] {
  const regular = waiting.filter((t) => t.priorityClass === 'regular').sort(byArrival);
  const priority = waiting.filter((t) => t.priorityClass !== 'regular').sort(byArrival);
  const order: T[] = [];
  let [r, p, streak] = [0, 0, priorityStreak];
  while (r < regular.length || p < priority.length) {
    const next = pickSorted(regular[r], priority[p], streak, fairnessRatio);
    if (!next) break;
    if (next.priorityClass === 'regular') {
      r += 1;
      streak = 0;
    } else {
      p += 1;
      streak += 1;
    }
    order.push(next);
  }
  return order;
}

function pickSorted<T extends WaitingTicket>(
  regular: T | undefined,
  priority: T | undefined,
  streak: number,
  fairnessRatio: number,
): T | undefined {
  if (regular && (!priority || streak >= fairnessRatio)) return regular;
  return priority;
}
