import type { StoredEvent } from '../stored-event';
import { fold } from './aggregate';

function event(streamVersion: number, data: number): StoredEvent {
  return {
    eventId: `e-${streamVersion}`,
    type: 'walkins.TicketIssued',
    schemaVersion: 1,
    streamId: 's',
    streamVersion,
    globalPosition: BigInt(streamVersion),
    transactionId: 1n,
    occurredAt: new Date(0),
    data,
    metadata: { correlationId: 'c', actor: 'a' },
  };
}

describe('fold', () => {
  const sum = (state: number, e: StoredEvent) => state + (e.data as number);

  it('evolves in order and ends at the last version', () => {
    expect(fold({ state: 0, version: 0 }, [event(1, 2), event(2, 3)], sum)).toEqual({
      state: 5,
      version: 2,
    });
  });

  it('continues from a snapshot', () => {
    expect(fold({ state: 10, version: 7 }, [event(8, 1)], sum)).toEqual({ state: 11, version: 8 });
  });

  it('keeps the start when there is nothing new', () => {
    expect(fold({ state: 10, version: 7 }, [], sum)).toEqual({ state: 10, version: 7 });
  });
});
