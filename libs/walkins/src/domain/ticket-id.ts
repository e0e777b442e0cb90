import { DomainError } from '@circle/kernel';

/**
 * A ticket's id names its station and day, so any app can tell which queue stream holds it
 * without a lookup: `town-1-20240601-0007` is the 7th ticket of town-1 on 1 June 2024.
 */
export interface TicketAddress {
  readonly stationId: string;
  readonly day: string;
  readonly serial: number;
}

const TICKET_ID = /^([a-z0-9][a-z0-9-]*)-(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;

export class TicketNotFound extends DomainError {
  constructor(ticketId: string) {
    super('not-found', 'ticket_not_found', `there is no ticket ${ticketId}`);
  }
}

export function ticketIdOf(stationId: string, day: string, serial: number): string {
  return `${stationId}-${day.replace(/-/g, '')}-${String(serial).padStart(4, '0')}`;
}

export function parseTicketId(ticketId: string): TicketAddress {
  const match = TICKET_ID.exec(ticketId);
  if (!match) throw new TicketNotFound(ticketId);
  const [, stationId = '', year, month, day, serial] = match;
  return { stationId, day: `${year}-${month}-${day}`, serial: Number(serial) };
}

/** One queue stream per station and day: a day's queue folds from a short stream. */
export function queueStreamId(stationId: string, day: string): string {
  return `queue-${stationId}-${day}`;
}
