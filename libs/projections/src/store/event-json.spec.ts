import type { StoredEvent } from '../event-store';
import { eventFromJson, eventToJson } from './event-json';

describe('dead-letter event JSON', () => {
  it('keeps every field of a stored event, bigints included', () => {
    const event: StoredEvent = {
      eventId: '4f1c2a8e-0d5b-4c39-9d0e-2b7f6a1c9e33',
      type: 'walkins.TicketIssued',
      schemaVersion: 2,
      streamId: 'station-queue-town-1',
      streamVersion: 12,
      globalPosition: 9_007_199_254_740_993n,
      transactionId: 123_456_789_012n,
      occurredAt: new Date('2026-11-23T01:02:03.004Z'),
      data: { ticketId: 't-9', number: 'B007' },
      metadata: { correlationId: 'c-1', actor: 'clerk-town-1', stationId: 'town-1' },
    };
    const json = JSON.parse(JSON.stringify(eventToJson(event)));
    expect(json.globalPosition).toBe('9007199254740993');
    expect(eventFromJson(json)).toEqual(event);
  });
});
