import {
  ConcurrencyConflict,
  EventStore,
  IdempotencyKeyReused,
  requestFingerprint,
  type CommandAnswer,
  type EventStoreTransaction,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { META, probe, runSuffix, testPool } from './support/probe';

/** A command as a handler writes it: load the stream, decide, append at the loaded version. */
function issueTicket(stream: string, n: number) {
  return async (tx: EventStoreTransaction): Promise<CommandAnswer<{ version: number }>> => {
    const loaded = await tx.aggregateStream(stream, (count: number) => count + 1, 0);
    const result = await loaded.append([probe(n)], META);
    return { status: 201, body: { version: result.version } };
  };
}

describe('EventStore.runIdempotent', () => {
  const run = runSuffix();
  let pool: Pool;
  let store: EventStore;

  beforeAll(() => {
    pool = testPool();
    store = new EventStore(pool);
  });

  afterAll(async () => {
    await pool.query('DELETE FROM idempotency_keys WHERE key LIKE $1', [`%-${run}`]);
    await pool.end();
  });

  function key(name: string, request: unknown) {
    return {
      scope: 'clerk-hall:POST /tickets',
      key: `${name}-${run}`,
      fingerprint: requestFingerprint(request),
    };
  }

  it('answers a repeat with the first answer and appends nothing', async () => {
    const stream = `idem-repeat-${run}`;
    const request = key('repeat', { business: 'B01' });
    const first = await store.runIdempotent(request, issueTicket(stream, 1));
    expect(first).toEqual({ replayed: false, answer: { status: 201, body: { version: 1 } } });
    const work = jest.fn(issueTicket(stream, 2));
    const again = await store.runIdempotent(request, work);
    expect(again).toEqual({ replayed: true, answer: { status: 201, body: { version: 1 } } });
    expect(work).not.toHaveBeenCalled();
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('refuses the same key with a different request', async () => {
    const stream = `idem-reuse-${run}`;
    await store.runIdempotent(key('reuse', { business: 'B01' }), issueTicket(stream, 1));
    const reuse = store.runIdempotent(key('reuse', { business: 'B02' }), issueTicket(stream, 2));
    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(reuse).rejects.toMatchObject({ kind: 'rule', code: 'idempotency_key_reused' });
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('lets concurrent repeats wait for the first and share its answer', async () => {
    const stream = `idem-concurrent-${run}`;
    const request = key('concurrent', { business: 'B03' });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.runIdempotent(request, issueTicket(stream, i))),
    );
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    for (const outcome of outcomes)
      expect(outcome.answer).toEqual({ status: 201, body: { version: 1 } });
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('stores nothing when the command fails, so it can be retried', async () => {
    const stream = `idem-retry-${run}`;
    const request = key('retry', { business: 'B04' });
    await store.append(stream, 0, [probe(0)], META);
    const stale = store.runIdempotent(request, async (tx) => {
      await tx.append(stream, 0, [probe(1)], META);
      return { status: 201, body: {} };
    });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflict);
    const retried = await store.runIdempotent(request, issueTicket(stream, 1));
    expect(retried).toEqual({ replayed: false, answer: { status: 201, body: { version: 2 } } });
  });

  it('append with an idempotency key keeps the given answer', async () => {
    const stream = `idem-append-${run}`;
    const idempotency = key('append', { business: 'B05' });
    const response = { status: 201, body: { ticket: 'A001' } };
    const first = await store.append(stream, 0, [probe(1)], META, { idempotency, response });
    expect(first.replayed).toBe(false);
    const again = await store.append(stream, 0, [probe(1)], META, { idempotency, response });
    expect(again).toEqual({ replayed: true, answer: response });
    expect(await store.streamVersion(stream)).toBe(1);
  });
});
