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

/** Positions and wait ranges for every waiting ticket, recomputed from the facts each time. */
export function waitingInCallOrder<T extends WaitingTicket>(
  facts: QueueFacts & { readonly waiting: readonly T[] },
): (T & { position: number; estimatedWait: EstimatedWait })[] {
  const order = callOrder(facts.waiting, facts.priorityStreak, facts.fairnessRatio);
  const ahead: Partial<Record<BusinessCode, number>> = {};
  const covers = new Map<BusinessCode, CounterCover>();
  const averages = new Map<BusinessCode, number>();
  const averageSeconds = (b: BusinessCode) => {
    let seconds = averages.get(b);
    if (seconds === undefined) averages.set(b, (seconds = facts.averageSeconds(b)));
    return seconds;
  };
  return order.map((ticket) => {
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
    ahead[ticket.business] = (ahead[ticket.business] ?? 0) + 1;
    const estimatedWait = estimateWait({
      business: ticket.business,
      aheadPerBusiness,
      cover,
      averageSeconds,
    });
    return { ...ticket, position, estimatedWait };
  });
}

export function queueView(
  state: QueueState,
  counters: readonly Omit<ServingCounter, 'busy'>[],
  fairnessRatio: number,
  settings: WalkinsSettings,
): QueueView {
  const serving: CounterEntry[] = counters.map((c) => {
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
  const waiting = waitingInCallOrder({
    waiting: waitingTickets(state),
    priorityStreak: state.priorityStreak,
    fairnessRatio,
    counters: serving,
    averageSeconds: (b) => averageServiceSeconds(state.serviceSeconds[b], settings),
  });
  return {
    waiting: waiting.map(toEntry),
    counters: serving,
    lastCalls: state.lastCalls,
    priorityStreak: state.priorityStreak,
  };
}

function toEntry(t: Ticket & { position: number; estimatedWait: EstimatedWait }): WaitingEntry {
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
