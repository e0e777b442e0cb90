import type { QueueEvent } from './domain/station-queue.events';

/** An event as the log stores it, its data tied to its type by the domain's own union. */
type Example<E extends QueueEvent = QueueEvent> = E extends QueueEvent
  ? { readonly type: E['type']; readonly schemaVersion: number; readonly data: E['data'] }
  : never;

/**
 * One realistic event of each type the walk-in queues emit. Typed with the domain's event types
 * so that a change to an event's data fails to compile here, and the contract test then holds
 * the AsyncAPI document to the same shape.
 */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'walkins.TicketIssued',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0012',
      stationId: 'town-1',
      number: 'A005',
      business: 'ENROLL_RESIDENT',
      priorityClass: 'elderly',
      arrivedAt: '2024-06-03T01:12:40.118Z',
      issuedAt: '2024-06-03T01:12:40.118Z',
      phone: '13805376142',
      residentId: '37081119580907002X',
    },
  },
  {
    type: 'walkins.TicketIssued',
    schemaVersion: 2,
    data: {
      ticketId: 'hall-20240603-0031',
      stationId: 'hall',
      number: 'L007',
      business: 'TRANSFER',
      priorityClass: 'regular',
      arrivedAt: '2024-06-03T01:05:12.930Z',
      issuedAt: '2024-06-03T01:52:30.044Z',
      phone: '13805376142',
      transferredFrom: 'town-1-20240603-0010',
      reservedCounterId: '4',
      transferId: '5f0c2a8e-3b1d-4c62-9a57-0e8d4b7f21c3',
    },
  },
  {
    type: 'walkins.TicketCalled',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0012',
      number: 'A005',
      counterId: '2',
      clerk: 'clerk-town-1',
      calledAt: '2024-06-03T01:31:05.402Z',
      priorityStreak: 1,
    },
  },
  {
    type: 'walkins.TicketRecalled',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0012',
      number: 'A005',
      counterId: '2',
      recalls: 1,
      at: '2024-06-03T01:32:10.007Z',
    },
  },
  {
    type: 'walkins.TicketNoShow',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0008',
      counterId: '1',
      clerk: 'clerk-town-1',
      reason: 'recalls-exhausted',
      at: '2024-06-03T01:29:47.230Z',
    },
  },
  {
    type: 'walkins.ServiceStarted',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0012',
      counterId: '2',
      clerk: 'clerk-town-1',
      at: '2024-06-03T01:33:02.861Z',
    },
  },
  {
    type: 'walkins.ServiceCompleted',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0012',
      business: 'ENROLL_RESIDENT',
      counterId: '2',
      clerk: 'clerk-town-1',
      outcome: 'done',
      recordId: '37081119580907002X',
      serviceSeconds: 412,
      at: '2024-06-03T01:39:54.519Z',
    },
  },
  {
    type: 'walkins.ServiceCompleted',
    schemaVersion: 2,
    data: {
      ticketId: 'town-1-20240603-0013',
      business: 'ENROLL_RESIDENT',
      counterId: '2',
      clerk: 'clerk-town-1',
      outcome: 'done',
      recordId: '37081119580907002X',
      recordKind: 'resident',
      serviceSeconds: 388,
      at: '2024-06-03T01:46:10.207Z',
    },
  },

  {
    type: 'walkins.TicketCancelled',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0015',
      by: 'clerk-town-1',
      reason: 'left before being called',
      at: '2024-06-03T01:45:13.690Z',
    },
  },
  {
    type: 'walkins.TicketTransferred',
    schemaVersion: 1,
    data: {
      ticketId: 'town-1-20240603-0010',
      toTicketId: 'hall-20240603-0031',
      toStationId: 'hall',
      toBusiness: 'TRANSFER',
      toCounterId: '4',
      by: 'clerk-town-1',
      at: '2024-06-03T01:52:30.044Z',
    },
  },
  {
    type: 'walkins.TicketTransferStarted',
    schemaVersion: 1,
    data: {
      transferId: '5f0c2a8e-3b1d-4c62-9a57-0e8d4b7f21c3',
      ticketId: 'town-1-20240603-0010',
      toStationId: 'hall',
      toBusiness: 'TRANSFER',
      toCounterId: '4',
      by: 'clerk-town-1',
      at: '2024-06-03T01:52:30.044Z',
    },
  },
  {
    type: 'walkins.TicketTransferDeclined',
    schemaVersion: 1,
    data: {
      transferId: '9b1e7d40-62c5-4f0a-8d3e-1a2b3c4d5e6f',
      stationId: 'village-1',
      fromTicketId: 'town-1-20240603-0014',
      business: 'MATERNITY',
      reason: 'village-1 does not handle MATERNITY',
      at: '2024-06-03T02:10:04.512Z',
    },
  },
  {
    type: 'walkins.TicketTransferCompleted',
    schemaVersion: 1,
    data: {
      transferId: '5f0c2a8e-3b1d-4c62-9a57-0e8d4b7f21c3',
      ticketId: 'town-1-20240603-0010',
      toTicketId: 'hall-20240603-0031',
      at: '2024-06-03T01:52:30.101Z',
    },
  },
  {
    type: 'walkins.TicketTransferUndone',
    schemaVersion: 1,
    data: {
      transferId: '9b1e7d40-62c5-4f0a-8d3e-1a2b3c4d5e6f',
      ticketId: 'town-1-20240603-0014',
      reason: 'village-1 does not handle MATERNITY',
      at: '2024-06-03T02:10:04.577Z',
    },
  },
];
