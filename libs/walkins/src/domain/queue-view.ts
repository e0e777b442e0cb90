import { ticketOf } from './station-queue.state';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { WaitingTicket, callOrder } from './call-policy';
import type { TicketClass } from './priority-class';
import { LastCall, QueueState, Ticket, waitingTickets } from './station-queue.state';
import {
  CounterCover,
  EstimatedWait,
  ServingCounter,
  averageServiceSeconds,
  coverFor,
  estimateWait,
} from './wait-estimate';
import type { WalkinsSettings } from './walkins-settings';

export interface WaitingEntry {
  readonly ticketId: string;
  readonly number: string;
  readonly business: BusinessCode;
  readonly priorityClass: TicketClass;
  readonly arrivedAt: string;
  /** 1 is next among the tickets the same counters serve. */
  readonly position: number;
  readonly estimatedWait: EstimatedWait;
  readonly reservedCounterId?: string;
  readonly transferredFrom?: string;
}

export interface CounterEntry extends ServingCounter {
  readonly currentTicket?: {
    readonly ticketId: string;
    readonly number: string;
    readonly status: string;
  };
}

export interface QueueView {
  /** Waiting tickets in the order the station would call them. */
  readonly waiting: readonly WaitingEntry[];
  readonly counters: readonly CounterEntry[];
  readonly lastCalls: readonly LastCall[];
  readonly priorityStreak: number;
}

export interface QueueFacts {
  readonly waiting: readonly WaitingTicket[];
  readonly priorityStreak: number;
  readonly fairnessRatio: number;
  readonly counters: readonly ServingCounter[];
  readonly averageSeconds: (business: BusinessCode) => number;
}

/** Where a waiting ticket stands: 1 is next among the tickets the same counters serve. */
export interface Place {
  readonly position: number;
  readonly estimatedWait: EstimatedWait;
}

/**
 * Walks the call order, placing each ticket behind those passed so far. Covers and averages are
 * worked out once per business, not once per ticket.
 */
function placer(facts: QueueFacts) {
  const ahead: Partial<Record<BusinessCode, number>> = {};
  const covers = new Map<BusinessCode, CounterCover>();
  const averages = new Map<BusinessCode, number>();
  const averageSeconds = (b: BusinessCode) => {
    let seconds = averages.get(b);
    if (seconds === undefined) averages.set(b, (seconds = facts.averageSeconds(b)));
    return seconds;
  };
  return {
    place(ticket: WaitingTicket): Place {
      let cover = covers.get(ticket.business);
      if (!cover) covers.set(ticket.business, (cover = coverFor(ticket.business, facts.counters)));
      const aheadPerBusiness: Partial<Record<BusinessCode, number>> = {};
      let position = 1;
      for (const b of cover.rivals) {
        const n = ahead[b] ?? 0;
        if (n === 0) continue;
        aheadPerBusiness[b] = n;
        position += n;
      }
      const estimatedWait = estimateWait({
        business: ticket.business,
        aheadPerBusiness,
        cover,
        averageSeconds,
      });
      return { position, estimatedWait };
    },
    pass(ticket: WaitingTicket): void {
      ahead[ticket.business] = (ahead[ticket.business] ?? 0) + 1;
    },
  };
}

/** Positions and wait ranges for every waiting ticket, recomputed from the facts each time. */
export function waitingInCallOrder<T extends WaitingTicket>(
  facts: QueueFacts & { readonly waiting: readonly T[] },
): (T & Place)[] {
  const walk = placer(facts);
  return callOrder(facts.waiting, facts.priorityStreak, facts.fairnessRatio).map((ticket) => {
    const place = walk.place(ticket);
    walk.pass(ticket);
    return { ...ticket, ...place };
  });
}

/** One ticket's entry of waitingInCallOrder, without placing the tickets behind it. */
export function placeOf(facts: QueueFacts, ticketId: string): Place | undefined {
  const walk = placer(facts);
  for (const ticket of callOrder(facts.waiting, facts.priorityStreak, facts.fairnessRatio)) {
    if (ticket.ticketId === ticketId) return walk.place(ticket);
    walk.pass(ticket);
  }
  return undefined;
}

function servingCounters(
  state: QueueState,
  counters: readonly Omit<ServingCounter, 'busy'>[],
): CounterEntry[] {
  return counters.map((c) => {
    const current = state.atCounter[c.counterId];
    const ticket = current ? ticketOf(state, current) : undefined;
    return {
      ...c,
      busy: ticket !== undefined,
      ...(ticket
        ? {
            currentTicket: {
              ticketId: ticket.ticketId,
              number: ticket.number,
              status: ticket.status,
            },
          }
        : {}),
    };
  });
}

/** What positions are worked out from: the waiting tickets and the station's counters now. */
export function queueFacts(
  state: QueueState,
  counters: readonly ServingCounter[],
  fairnessRatio: number,
  settings: WalkinsSettings,
): QueueFacts & { readonly waiting: readonly Ticket[] } {
  return {
    waiting: waitingTickets(state),
    priorityStreak: state.priorityStreak,
    fairnessRatio,
    counters,
    averageSeconds: (b) => averageServiceSeconds(state.serviceSeconds[b], settings),
  };
}

export function queueView(
  state: QueueState,
  counters: readonly Omit<ServingCounter, 'busy'>[],
  fairnessRatio: number,
  settings: WalkinsSettings,
): QueueView {
  const serving = servingCounters(state, counters);
  const waiting = waitingInCallOrder(queueFacts(state, serving, fairnessRatio, settings));
  return {
    waiting: waiting.map(toEntry),
    counters: serving,
    lastCalls: state.lastCalls,
    priorityStreak: state.priorityStreak,
  };
}

/** Where one waiting ticket stands in the station's queue; undefined once it is called. */
export function ticketPlace(
  state: QueueState,
  counters: readonly Omit<ServingCounter, 'busy'>[],
  fairnessRatio: number,
  settings: WalkinsSettings,
  ticketId: string,
): Place | undefined {
  const serving = servingCounters(state, counters);
  return placeOf(queueFacts(state, serving, fairnessRatio, settings), ticketId);
}

function toEntry(t: Ticket & Place): WaitingEntry {
  return {
    ticketId: t.ticketId,
    number: t.number,
    business: t.business,
    priorityClass: t.priorityClass,
    arrivedAt: t.arrivedAt,
    position: t.position,
    estimatedWait: t.estimatedWait,
    ...(t.reservedCounterId ? { reservedCounterId: t.reservedCounterId } : {}),
    ...(t.transferredFrom ? { transferredFrom: t.transferredFrom } : {}),
  };
}
