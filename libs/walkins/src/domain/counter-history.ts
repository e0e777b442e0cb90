import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { secondsBetween } from './queue-day';
import type { NotHandledReason, RecordKind, ServiceOutcome } from './service-outcome';
import { allTickets, type QueueState, type Ticket, type TicketStatus } from './station-queue.state';

/** One ticket a counter has finished with today, as its clerks look back on it. */
export interface CounterHistoryEntry {
  readonly ticketId: string;
  readonly number: string;
  readonly business: BusinessCode;
  readonly status: TicketStatus;
  readonly clerk?: string;
  readonly calledAt?: string;
  readonly startedAt?: string;
  readonly finishedAt: string;
  /** From the start (or the call, without one) to the end, as the wait estimates count it. */
  readonly serviceSeconds: number;
  readonly outcome?: ServiceOutcome;
  readonly reason?: NotHandledReason;
  readonly note?: string;
  readonly recordId?: string;
  readonly recordKind?: RecordKind;
  readonly transferredTo?: string;
}

export interface CounterHistory {
  readonly counterId: string;
  /** Newest first. */
  readonly tickets: readonly CounterHistoryEntry[];
  readonly totals: {
    readonly done: number;
    readonly notHandled: number;
    readonly noShows: number;
    readonly transferred: number;
    readonly averageServiceSeconds: number | null;
  };
}

const FINISHED: readonly TicketStatus[] = ['done', 'no-show', 'cancelled', 'transferred'];

/** The day's tickets a counter called and finished with; those still waiting or at it are not history. */
export function counterHistory(state: QueueState, counterId: string): CounterHistory {
  const tickets = allTickets(state)
    .filter((t) => t.counterId === counterId && FINISHED.includes(t.status) && t.finishedAt)
    .map(entryOf)
    .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  const served = tickets.filter((t) => t.status === 'done');
  const count = (keep: (t: CounterHistoryEntry) => boolean) => tickets.filter(keep).length;
  return {
    counterId,
    tickets,
    totals: {
      done: count((t) => t.status === 'done' && t.outcome !== 'not-handled'),
      notHandled: count((t) => t.outcome === 'not-handled'),
      noShows: count((t) => t.status === 'no-show'),
      transferred: count((t) => t.status === 'transferred'),
      averageServiceSeconds: served.length
        ? Math.round(served.reduce((sum, t) => sum + t.serviceSeconds, 0) / served.length)
        : null,
    },
  };
}

function entryOf(ticket: Ticket): CounterHistoryEntry {
  const finishedAt = ticket.finishedAt as string;
  const from = ticket.startedAt ?? ticket.calledAt ?? finishedAt;
  const optional = {
    clerk: ticket.clerk,
    calledAt: ticket.calledAt,
    startedAt: ticket.startedAt,
    outcome: ticket.outcome,
    reason: ticket.reason,
    note: ticket.note,
    recordId: ticket.recordId,
    recordKind: ticket.recordKind,
    transferredTo: ticket.transferredTo,
  };
  return {
    ticketId: ticket.ticketId,
    number: ticket.number,
    business: ticket.business,
    status: ticket.status,
    finishedAt,
    serviceSeconds: ticket.status === 'done' ? secondsBetween(from, finishedAt) : 0,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
