import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

/*
 * A transfer to another queue stream (another station, or today's queue for a ticket of an
 * earlier day) is a process of three steps, each one append to one stream, named by its
 * transferId: started here, then issued or declined there, then completed or undone here.
 */

/** Step 1, in the ticket's own queue: the ticket leaves it at once and cannot be called. */
export interface TicketTransferStarted {
  readonly type: 'walkins.TicketTransferStarted';
  readonly data: {
    readonly transferId: string;
    readonly ticketId: string;
    readonly toStationId: string;
    readonly toBusiness: BusinessCode;
    readonly toCounterId?: string;
    readonly by: string;
    /** Also names the destination's queue: the queue of this instant's day there. */
    readonly at: string;
  };
}

/**
 * Step 2 when the destination cannot take the resident (its business items or counters changed
 * after the transfer was asked for), in the destination's queue. The accepted case is a
 * `TicketIssued` carrying the transferId.
 */
export interface TicketTransferDeclined {
  readonly type: 'walkins.TicketTransferDeclined';
  readonly data: {
    readonly transferId: string;
    /** The declining station, whose queue holds this event. */
    readonly stationId: string;
    readonly fromTicketId: string;
    readonly business: BusinessCode;
    readonly reason: string;
    /** The transfer's own instant, as in TicketTransferStarted: it names this queue's day. */
    readonly at: string;
  };
}

/** Step 3 after an issue: the old ticket is linked to the new one. */
export interface TicketTransferCompleted {
  readonly type: 'walkins.TicketTransferCompleted';
  readonly data: {
    readonly transferId: string;
    readonly ticketId: string;
    readonly toTicketId: string;
    readonly at: string;
  };
}

/** Step 3 after a decline: the ticket waits again in its place, as if never sent. */
export interface TicketTransferUndone {
  readonly type: 'walkins.TicketTransferUndone';
  readonly data: {
    readonly transferId: string;
    readonly ticketId: string;
    readonly reason: string;
    readonly at: string;
  };
}

export type TransferEvent =
  TicketTransferStarted | TicketTransferDeclined | TicketTransferCompleted | TicketTransferUndone;

export const TRANSFER_EVENT_TYPES: readonly TransferEvent['type'][] = [
  'walkins.TicketTransferStarted',
  'walkins.TicketTransferDeclined',
  'walkins.TicketTransferCompleted',
  'walkins.TicketTransferUndone',
];
