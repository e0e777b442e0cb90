import type { EstimatedWait } from '../domain/wait-estimate';
import type { Ticket } from '../domain/station-queue.state';
import type { Place } from '../domain/queue-view';

export interface TicketView {
  readonly ticketId: string;
  readonly stationId: string;
  readonly number: string;
  readonly business: string;
  readonly priorityClass: string;
  readonly status: string;
  readonly arrivedAt: string;
  readonly recalls: number;
  readonly counterId?: string;
  readonly calledAt?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly outcome?: string;
  readonly recordId?: string;
  readonly recordKind?: string;
  readonly reason?: string;
  readonly note?: string;
  readonly reservedCounterId?: string;
  readonly transferredFrom?: string;
  readonly transferredTo?: string;
  readonly position?: number;
  readonly estimatedWait?: EstimatedWait;
}

/** A ticket as callers see it; the phone and resident ID stay inside the log. */
/** `place` is asked for only while the ticket waits: it costs a pass over the queue. */
export function ticketView(
  stationId: string,
  ticket: Ticket,
  place?: (ticketId: string) => Place | undefined,
): TicketView {
  const waiting = ticket.status === 'waiting' ? place?.(ticket.ticketId) : undefined;
  const optional = {
    counterId: ticket.counterId,
    calledAt: ticket.calledAt,
    startedAt: ticket.startedAt,
    finishedAt: ticket.finishedAt,
    outcome: ticket.outcome,
    recordId: ticket.recordId,
    recordKind: ticket.recordKind,
    reason: ticket.reason,
    note: ticket.note,
    reservedCounterId: ticket.reservedCounterId,
    transferredFrom: ticket.transferredFrom,
    transferredTo: ticket.transferredTo,
  };
  return {
    ticketId: ticket.ticketId,
    stationId,
    number: ticket.number,
    business: ticket.business,
    priorityClass: ticket.priorityClass,
    status: ticket.status,
    arrivedAt: ticket.arrivedAt,
    recalls: ticket.recalls,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(waiting ? { position: waiting.position, estimatedWait: waiting.estimatedWait } : {}),
  };
}
