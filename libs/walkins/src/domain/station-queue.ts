import { ticketOf } from './station-queue.state';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { pickNext } from './call-policy';
import type { TicketClass } from './priority-class';
import { queueDayOf, secondsBetween } from './queue-day';
import { CounterBusy, CounterNotOpen, TicketNotInState } from './station-queue.errors';
import { checkServiceResult, type ServiceResult } from './service-outcome';
import type { TicketEvent } from './station-queue.events';
import { QueueState, Ticket, TicketStatus, waitingTickets } from './station-queue.state';
import { TicketNotFound, ticketIdOf } from './ticket-id';
import { ticketNumber, BUSINESS_LETTERS } from './ticket-number';

/** What the queue needs to know of the counter that calls (from the station's own stream). */
export interface CounterFacts {
  readonly counterId: string;
  readonly status: 'open' | 'paused' | 'closed';
  readonly skills: readonly BusinessCode[];
}

export interface IssueTicket {
  readonly kind: 'issue';
  readonly stationId: string;
  readonly business: BusinessCode;
  readonly priorityClass: TicketClass;
  readonly now: string;
  /** Sealed with the key named by phoneKey, so erasing its owner erases it. */
  readonly phone?: string;
  readonly phoneKey?: string;
  readonly residentId?: string;
  /** For a transfer: the original arrival, the ticket it came from, a counter it must go to. */
  readonly arrivedAt?: string;
  readonly transferredFrom?: string;
  readonly reservedCounterId?: string;
  readonly keepNumber?: string;
  /** Step 2 of a transfer from another queue stream. */
  readonly transferId?: string;
}

export type QueueCommand =
  | IssueTicket
  | {
      readonly kind: 'call-next';
      readonly counter: CounterFacts;
      readonly clerk: string;
      readonly fairnessRatio: number;
      readonly now: string;
    }
  | {
      readonly kind: 'recall';
      readonly ticketId: string;
      readonly clerk: string;
      readonly recallLimit: number;
      readonly now: string;
    }
  | {
      readonly kind: 'no-show';
      readonly ticketId: string;
      readonly clerk: string;
      readonly now: string;
    }
  | {
      readonly kind: 'start';
      readonly ticketId: string;
      readonly clerk: string;
      readonly now: string;
    }
  | ({
      readonly kind: 'complete';
      readonly ticketId: string;
      readonly clerk: string;
      readonly now: string;
    } & ServiceResult)
  | {
      readonly kind: 'cancel';
      readonly ticketId: string;
      readonly by: string;
      readonly reason?: string;
      readonly now: string;
    }
  | {
      readonly kind: 'transfer-out';
      readonly ticketId: string;
      readonly by: string;
      readonly toTicketId: string;
      readonly toStationId: string;
      readonly toBusiness: BusinessCode;
      readonly toCounterId?: string;
      readonly now: string;
    };

/** The events one command on a station's queue of the day produces; throws when refused. */
export function decideQueue(command: QueueCommand, state: QueueState): TicketEvent[] {
  switch (command.kind) {
    case 'issue':
      return [issue(command, state)];
    case 'call-next':
      return callNext(command, state);
    case 'recall':
      return recall(command, state);
    case 'no-show': {
      const ticket = ticketIn(state, command.ticketId, ['called'], 'be marked a no-show');
      return [
        {
          type: 'walkins.TicketNoShow',
          data: {
            ticketId: ticket.ticketId,
            ...(ticket.counterId ? { counterId: ticket.counterId } : {}),
            clerk: command.clerk,
            reason: 'clerk',
            at: command.now,
          },
        },
      ];
    }
    case 'start':
      return start(command, state);
    case 'complete':
      return complete(command, state);
    case 'cancel': {
      const ticket = ticketIn(state, command.ticketId, ['waiting', 'called'], 'be cancelled');
      return [
        {
          type: 'walkins.TicketCancelled',
          data: {
            ticketId: ticket.ticketId,
            by: command.by,
            ...(command.reason ? { reason: command.reason } : {}),
            at: command.now,
          },
        },
      ];
    }
    case 'transfer-out': {
      const ticket = ticketIn(
        state,
        command.ticketId,
        ['waiting', 'called', 'serving'],
        'be transferred',
      );
      return [
        {
          type: 'walkins.TicketTransferred',
          data: {
            ticketId: ticket.ticketId,
            toTicketId: command.toTicketId,
            toStationId: command.toStationId,
            toBusiness: command.toBusiness,
            ...(command.toCounterId ? { toCounterId: command.toCounterId } : {}),
            by: command.by,
            at: command.now,
          },
        },
      ];
    }
  }
}

/** The ticket id the next issue in this state will get. */
export function nextTicketId(stationId: string, now: string, state: QueueState): string {
  return ticketIdOf(stationId, queueDayOf(now), state.lastSerial + 1);
}

function issue(command: IssueTicket, state: QueueState): TicketEvent {
  const letter = BUSINESS_LETTERS[command.business];
  const number =
    command.keepNumber ?? ticketNumber(command.business, (state.issuedPerLetter[letter] ?? 0) + 1);
  return {
    type: 'walkins.TicketIssued',
    data: {
      ticketId: nextTicketId(command.stationId, command.now, state),
      stationId: command.stationId,
      number,
      business: command.business,
      priorityClass: command.priorityClass,
      arrivedAt: command.arrivedAt ?? command.now,
      issuedAt: command.now,
      ...(command.phone ? { phone: command.phone } : {}),
      ...(command.phone && command.phoneKey ? { phoneKey: command.phoneKey } : {}),
      ...(command.residentId ? { residentId: command.residentId } : {}),
      ...(command.transferredFrom ? { transferredFrom: command.transferredFrom } : {}),
      ...(command.reservedCounterId ? { reservedCounterId: command.reservedCounterId } : {}),
      ...(command.transferId ? { transferId: command.transferId } : {}),
    },
  };
}

function callNext(
  command: Extract<QueueCommand, { kind: 'call-next' }>,
  state: QueueState,
): TicketEvent[] {
  const { counter } = command;
  if (counter.status !== 'open') throw new CounterNotOpen(counter.counterId, counter.status);
  const current = state.atCounter[counter.counterId];
  const busy = current ? ticketOf(state, current) : undefined;
  if (busy) throw new CounterBusy(counter.counterId, busy.ticketId, busy.number);
  const waiting = waitingTickets(state);
  const pick = pickNext(waiting, counter, state.priorityStreak, command.fairnessRatio);
  if (!pick) return [];
  return [
    {
      type: 'walkins.TicketCalled',
      data: {
        ticketId: pick.ticket.ticketId,
        number: pick.ticket.number,
        counterId: counter.counterId,
        clerk: command.clerk,
        calledAt: command.now,
        priorityStreak: pick.priorityStreak,
      },
    },
  ];
}

function recall(
  command: Extract<QueueCommand, { kind: 'recall' }>,
  state: QueueState,
): TicketEvent[] {
  const ticket = ticketIn(state, command.ticketId, ['called'], 'be recalled');
  const counterId = ticket.counterId ?? '';
  if (ticket.recalls >= command.recallLimit)
    return [
      {
        type: 'walkins.TicketNoShow',
        data: {
          ticketId: ticket.ticketId,
          counterId,
          clerk: command.clerk,
          reason: 'recalls-exhausted',
          at: command.now,
        },
      },
    ];
  return [
    {
      type: 'walkins.TicketRecalled',
      data: {
        ticketId: ticket.ticketId,
        number: ticket.number,
        counterId,
        recalls: ticket.recalls + 1,
        at: command.now,
      },
    },
  ];
}

function start(
  command: Extract<QueueCommand, { kind: 'start' }>,
  state: QueueState,
): TicketEvent[] {
  const ticket = ticketIn(state, command.ticketId, ['called', 'serving'], 'start');
  // Pressing start twice changes nothing: the service began at the first press.
  if (ticket.status === 'serving') return [];
  return [
    {
      type: 'walkins.ServiceStarted',
      data: {
        ticketId: ticket.ticketId,
        counterId: ticket.counterId ?? '',
        clerk: command.clerk,
        at: command.now,
      },
    },
  ];
}

function complete(
  command: Extract<QueueCommand, { kind: 'complete' }>,
  state: QueueState,
): TicketEvent[] {
  const result = checkServiceResult(resultOf(command));
  const ticket = ticketIn(state, command.ticketId, ['called', 'serving'], 'be completed');
  // A clerk who skipped "start" served from the call on.
  const from = ticket.startedAt ?? ticket.calledAt ?? command.now;
  return [
    {
      type: 'walkins.ServiceCompleted',
      data: {
        ticketId: ticket.ticketId,
        business: ticket.business,
        counterId: ticket.counterId ?? '',
        clerk: command.clerk,
        ...result,
        serviceSeconds: secondsBetween(from, command.now),
        at: command.now,
      },
    },
  ];
}

function resultOf({ outcome, reason, note, recordId, recordKind }: ServiceResult): ServiceResult {
  return { outcome, reason, note, recordId, recordKind };
}

export function ticketIn(
  state: QueueState,
  ticketId: string,
  allowed: readonly TicketStatus[],
  action: string,
): Ticket {
  const ticket = ticketOf(state, ticketId);
  if (!ticket) throw new TicketNotFound(ticketId);
  if (!allowed.includes(ticket.status)) throw new TicketNotInState(ticketId, ticket.status, action);
  return ticket;
}
