import type { RelayedEvent } from '../stored-event';
import { UnknownEventContext } from '../kafka/topic-of-event';
import { topicBatches } from './topic-batches';

function event(type: string, streamId: string, streamVersion: number): RelayedEvent {
  return {
    eventId: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    globalPosition: BigInt(streamVersion),
    transactionId: 9n,
    occurredAt: new Date(0),
    dataJson: `{"n": ${streamVersion}}`,
    metadata: { correlationId: 'c', actor: 'clerk-hall' },
  };
}

describe('topicBatches', () => {
  it('groups by context topic and keeps log order inside each, keyed by stream', () => {
    const batches = topicBatches([
      event('walkins.TicketIssued', 'queue-hall', 1),
      event('claims.ClaimFiled', 'claim-1', 1),
      event('walkins.TicketCalled', 'queue-hall', 2),
    ]);
    expect(batches.map((b) => b.topic)).toEqual(['circle.walkins', 'circle.claims']);
    expect(batches[0]!.messages.map((m) => m.key)).toEqual(['queue-hall', 'queue-hall']);
    expect(batches[0]!.messages.map((m) => String(m.value))).toEqual(['{"n": 1}', '{"n": 2}']);
  });

  it('passes the data on as the log gave it and tags each record with its log', () => {
    const [batch] = topicBatches([event('walkins.TicketIssued', 'queue-hall', 1)], 'circle#1');
    expect(String(batch!.messages[0]!.value)).toBe('{"n": 1}');
    expect(batch!.messages[0]!.headers?.ce_log).toBe('circle#1');
  });

  it('stops on an event of an unknown context rather than dropping it', () => {
    expect(() => topicBatches([event('parking.CarParked', 'p', 1)])).toThrow(UnknownEventContext);
  });
});
