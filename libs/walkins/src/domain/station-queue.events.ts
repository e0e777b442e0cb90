import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { TicketClass } from './priority-class';
import type { NotHandledReason, RecordKind, ServiceOutcome } from './service-outcome';
import { TRANSFER_EVENT_TYPES, type TransferEvent } from './transfer.events';

export { SERVICE_OUTCOMES, type ServiceOutcome } from './service-outcome';

export interface TicketIssued {
  readonly type: 'walkins.TicketIssued';
  readonly data: {
    readonly ticketId: string;
    readonly stationId: string;
    readonly number: string;
    readonly business: BusinessCode;
    readonly priorityClass: TicketClass;
    /** When the resident first queued; a transfer keeps the original arrival. */
    readonly arrivedAt: string;
    readonly issuedAt: string;
    /** Sealed with the person key phoneKey names: the resident's, or one kept for the phone. */
    readonly phone?: string;
    readonly phoneKey?: string;
    readonly residentId?: string;
    readonly transferredFrom?: string;
    /** Set when a transfer sends the resident to one counter in particular. */
    readonly reservedCounterId?: string;
    /** Schema version 2: the transfer from another queue stream this ticket is step 2 of. */
    readonly transferId?: string;
  };
}

/**
 * The schema version each type is written under now. TicketIssued v2 only adds the optional
 * transferId, ServiceCompleted v2 the outcome not-handled and the optional reason, note and
 * recordKind, so a v1 event of either reads as v2 unchanged.
 */
export const QUEUE_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  'walkins.TicketIssued': 2,
  'walkins.ServiceCompleted': 2,
};

export interface TicketCalled {
  readonly type: 'walkins.TicketCalled';
  readonly data: {
    readonly ticketId: string;
    readonly number: string;
    readonly counterId: string;
    readonly clerk: string;
    readonly calledAt: string;
    /** Priority calls in a row after this one; 0 when a regular ticket was called. */
    readonly priorityStreak: number;
  };
}

export interface TicketRecalled {
  readonly type: 'walkins.TicketRecalled';
  readonly data: {
    readonly ticketId: string;
    readonly number: string;
    readonly counterId: string;
    readonly recalls: number;
    readonly at: string;
  };
}

export interface TicketNoShow {
  readonly type: 'walkins.TicketNoShow';
  readonly data: {
    readonly ticketId: string;
    readonly counterId?: string;
    readonly clerk: string;
    readonly reason: 'clerk' | 'recalls-exhausted';
    readonly at: string;
  };
}

export interface ServiceStarted {
  readonly type: 'walkins.ServiceStarted';
  readonly data: {
    readonly ticketId: string;
    readonly counterId: string;
    readonly clerk: string;
    readonly at: string;
  };
}

export interface ServiceCompleted {
  readonly type: 'walkins.ServiceCompleted';
  readonly data: {
    readonly ticketId: string;
    readonly business: BusinessCode;
    readonly counterId: string;
    readonly clerk: string;
    readonly outcome: ServiceOutcome;
    /** The record the work produced (an enrollment, a filing, a settlement), when there is one. */
    readonly recordId?: string;
    /** Schema version 2: what the record is. */
    readonly recordKind?: RecordKind;
    /** Schema version 2: why the outcome is not-handled, and the clerk's words. */
    readonly reason?: NotHandledReason;
    readonly note?: string;
    readonly serviceSeconds: number;
    readonly at: string;
  };
}

export interface TicketCancelled {
  readonly type: 'walkins.TicketCancelled';
  readonly data: {
    readonly ticketId: string;
    readonly by: string;
    readonly reason?: string;
    readonly at: string;
  };
}

export interface TicketTransferred {
  readonly type: 'walkins.TicketTransferred';
  readonly data: {
    readonly ticketId: string;
    readonly toTicketId: string;
    readonly toStationId: string;
    readonly toBusiness: BusinessCode;
    readonly toCounterId?: string;
    readonly by: string;
    readonly at: string;
  };
}

/** The events of one ticket's own life in its queue; a transfer's steps are the rest. */
export type TicketEvent =
  | TicketIssued
  | TicketCalled
  | TicketRecalled
  | TicketNoShow
  | ServiceStarted
  | ServiceCompleted
  | TicketCancelled
  | TicketTransferred;

export type QueueEvent = TicketEvent | TransferEvent;

export type QueueEventType = QueueEvent['type'];

export const QUEUE_EVENT_TYPES: readonly QueueEventType[] = [
  'walkins.TicketIssued',
  'walkins.TicketCalled',
  'walkins.TicketRecalled',
  'walkins.TicketNoShow',
  'walkins.ServiceStarted',
  'walkins.ServiceCompleted',
  'walkins.TicketCancelled',
  'walkins.TicketTransferred',
  ...TRANSFER_EVENT_TYPES,
];
