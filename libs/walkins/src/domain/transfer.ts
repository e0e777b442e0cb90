import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { IssueTicket, decideQueue, nextTicketId, ticketIn } from './station-queue';
import { TransferRefused } from './station-queue.errors';
import type { QueueEvent } from './station-queue.events';
import type { QueueState, Ticket } from './station-queue.state';

export interface TransferRequest {
  readonly ticketId: string;
  readonly by: string;
  readonly now: string;
  readonly toBusiness?: BusinessCode;
  readonly toCounterId?: string;
  readonly toStationId?: string;
}

/** Where the resident goes; checked against the destination station before anything is written. */
export interface TransferTarget {
  readonly stationId: string;
  readonly business: BusinessCode;
  readonly counterId?: string;
}

export const TRANSFERABLE = ['waiting', 'called', 'serving'] as const;

export function transferTarget(
  request: TransferRequest,
  ticket: Ticket,
  fromStationId: string,
): TransferTarget {
  if (!request.toBusiness && !request.toCounterId && !request.toStationId)
    throw new TransferRefused('body', 'names none of toBusiness, toCounterId, toStationId');
  const target: TransferTarget = {
    stationId: request.toStationId ?? fromStationId,
    business: request.toBusiness ?? ticket.business,
    ...(request.toCounterId ? { counterId: request.toCounterId } : {}),
  };
  if (
    target.stationId === fromStationId &&
    target.business === ticket.business &&
    (target.counterId === undefined || target.counterId === ticket.counterId)
  )
    throw new TransferRefused('body', 'names where the ticket already is');
  return target;
}

/**
 * The new ticket a transfer issues at its destination: same resident, same class, the original
 * arrival time, linked back. Within one queue stream and business the resident keeps their
 * number; in another stream (another station, or another day's queue) the number could be taken.
 */
export function transferredIssue(
  ticket: Ticket,
  target: TransferTarget,
  fromStationId: string,
  now: string,
  inOneStream: boolean,
): IssueTicket {
  const sameQueue =
    inOneStream && target.stationId === fromStationId && target.business === ticket.business;
  return {
    kind: 'issue',
    stationId: target.stationId,
    business: target.business,
    priorityClass: ticket.priorityClass,
    now,
    arrivedAt: ticket.arrivedAt,
    transferredFrom: ticket.ticketId,
    ...(ticket.phone ? { phone: ticket.phone } : {}),
    ...(ticket.phone && ticket.phoneKey ? { phoneKey: ticket.phoneKey } : {}),
    ...(target.counterId ? { reservedCounterId: target.counterId } : {}),
    ...(sameQueue ? { keepNumber: ticket.number } : {}),
  };
}

/** A transfer inside one station: both tickets change in one append to the day's stream. */
export function decideLocalTransfer(
  request: TransferRequest,
  target: TransferTarget,
  state: QueueState,
  stationId: string,
): QueueEvent[] {
  const ticket = ticketIn(state, request.ticketId, TRANSFERABLE, 'be transferred');
  const toTicketId = nextTicketId(stationId, request.now, state);
  const out = decideQueue(
    {
      kind: 'transfer-out',
      ticketId: ticket.ticketId,
      by: request.by,
      toTicketId,
      toStationId: stationId,
      toBusiness: target.business,
      ...(target.counterId ? { toCounterId: target.counterId } : {}),
      now: request.now,
    },
    state,
  );
  return [
    ...out,
    ...decideQueue(transferredIssue(ticket, target, stationId, request.now, true), state),
  ];
}
