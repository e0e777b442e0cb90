import type { StoredEvent } from '../event-store';
import { planChunk, type ReadMissing, type StreamState } from './stream-order';

const event = (streamId: string, streamVersion: number, type = 'walkins.TicketIssued') =>
  ({ eventId: `${streamId}@${streamVersion}`, streamId, streamVersion, type }) as StoredEvent;

const states = (entries: [string, number, number[]?][]) =>
  new Map<string, StreamState>(
    entries.map(([id, position, parked = []]) => [id, { position, parked: new Set(parked) }]),
  );

const summary = (plan: Awaited<ReturnType<typeof planChunk>>) =>
  plan.steps.map((s) => `${s.kind} ${s.event.eventId}`);

const handlesAll = { handles: () => true };

describe('planning a chunk in stream order', () => {
  it('applies each new version once and drops what is already there', async () => {
    const plan = await planChunk(
      [event('q', 3), event('q', 4), event('q', 4), event('r', 1)],
      states([['q', 3]]),
      handlesAll,
    );
    expect(summary(plan)).toEqual(['apply q@4', 'apply r@1']);
    expect(plan.duplicates).toBe(2);
  });

  it('takes a version Kafka has not delivered yet from the event store, before the one after it', async () => {
    const read: ReadMissing = async (streamId, after, before) =>
      Array.from({ length: before - after - 1 }, (_, i) => event(streamId, after + 1 + i));
    const plan = await planChunk([event('q', 3), event('q', 2)], states([['q', 1]]), {
      ...handlesAll,
      readMissing: read,
    });
    expect(summary(plan)).toEqual(['apply q@2', 'apply q@3']);
    expect(plan.duplicates).toBe(1);
  });

  it('skips over versions of types the projection does not handle', async () => {
    const read: ReadMissing = async (streamId) => [event(streamId, 2, 'walkins.Other')];
    const plan = await planChunk([event('q', 3)], states([['q', 1]]), {
      handles: (type) => type !== 'walkins.Other',
      readMissing: read,
    });
    expect(summary(plan)).toEqual(['apply q@3']);
  });

  it('parks a version after a hole nobody can fill, and holds what follows behind it', async () => {
    const plan = await planChunk(
      [event('q', 4), event('q', 5), event('q', 2)],
      states([['q', 1]]),
      {
        ...handlesAll,
        readMissing: async () => [],
      },
    );
    expect(summary(plan)).toEqual(['park q@4', 'park q@5', 'apply q@2']);
    expect(plan.steps[0]).toMatchObject({ reason: expect.stringContaining('versions 2 to 3 are') });
    expect(plan.steps[1]).toMatchObject({
      reason: expect.stringContaining('held behind version 4'),
    });
  });

  it('holds a stream with a parked version until it is replayed', async () => {
    const plan = await planChunk(
      [event('q', 3), event('q', 4), event('q', 3)],
      states([['q', 2, [3]]]),
      handlesAll,
    );
    expect(summary(plan)).toEqual(['park q@4']);
    expect(plan.duplicates).toBe(2);
  });

  it('trusts the order of events read from the store itself', async () => {
    const plan = await planChunk([event('q', 5)], states([['q', 2]]), handlesAll);
    expect(summary(plan)).toEqual(['apply q@5']);
  });
});
