import { DomainError } from '@circle/kernel';
import type { TicketStatus } from './station-queue.state';

export class CounterNotOpen extends DomainError {
  constructor(counterId: string, status: string) {
    super('conflict', 'counter_not_open', `counter ${counterId} is ${status}; open it first`, [], {
      counterStatus: status,
    });
  }
}

/**
 * A counter calls again while its resident is still called or in service. Refused rather than
 * completed silently: completing needs an outcome and the record the work produced, and a
 * ticket ended by accident would skew the service times the wait estimates come from.
 */
export class CounterBusy extends DomainError {
  constructor(counterId: string, ticketId: string, number: string) {
    super(
      'conflict',
      'counter_busy',
      `counter ${counterId} still has ticket ${number}; complete, transfer, cancel or mark it a no-show first`,
      [],
      { currentTicketId: ticketId, currentNumber: number },
    );
  }
}

export class TicketNotInState extends DomainError {
  constructor(ticketId: string, status: TicketStatus, action: string) {
    super(
      'conflict',
      'ticket_state_conflict',
      `ticket ${ticketId} is ${status} and cannot ${action}`,
      [],
      {
        ticketStatus: status,
      },
    );
  }
}

export class TransferRefused extends DomainError {
  constructor(field: string, problem: string) {
    super('rule', 'transfer_refused', `${field} ${problem}`, [{ field, problem }]);
  }
}
