import {
  DEFAULT_KEY_TTL_HOURS,
  EventStore,
  keyIdOf,
  readIdempotencyKey,
  type CommandAnswer,
  type EventStoreTransaction,
  type IdempotencyKey,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { META, probe, runSuffix, testPool } from './support/probe';

/** A command as a handler writes it: load the stream, decide, append at the loaded version. */
function countOne(stream: string) {
  return async (tx: EventStoreTransaction): Promise<CommandAnswer<{ version: number }>> => {
    const loaded = await tx.aggregateStream(stream, (count: number) => count + 1, 0);
    const result = await loaded.append([probe(loaded.version + 1)], META);
    return { status: 201, body: { version: result.version } };
  };
}

describe('Idempotency-Keys per user, and their expiry', () => {
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

  /** A key as the HTTP edge reads it from a request. */
  function keyOf(name: string, username = 'clerk-hall', body: unknown = { n: 1 }) {
    const key = readIdempotencyKey({
      header: `${name}-${run}`,
      username,
      method: 'POST',
      url: '/api/probe',
      body,
    });
    if (!key) throw new Error('no key read');
    return key;
  }

  /** Moves a kept answer back in time, as if it had been kept `hours` ago. */
  async function age(key: IdempotencyKey, hours: number): Promise<void> {
    const { rowCount } = await pool.query(
      `UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $3)
       WHERE scope = $1 AND key = $2`,
      [key.scope, key.key, hours],
    );
    expect(rowCount).toBe(1);
  }

  it('keeps another user’s identical key apart', async () => {
    const stream = `idem-users-${run}`;
    const first = await store.runIdempotent(keyOf('users'), countOne(stream));
    const other = await store.runIdempotent(keyOf('users', 'clerk-town-1'), countOne(stream));
    expect(first).toMatchObject({ replayed: false, answer: { body: { version: 1 } } });
    expect(other).toMatchObject({ replayed: false, answer: { body: { version: 2 } } });
    const again = await store.runIdempotent(keyOf('users'), countOne(stream));
    expect(again).toEqual({ replayed: true, answer: first.answer });
  });

  it('answers a repeat within the lifetime and takes an expired key as new', async () => {
    const stream = `idem-expiry-${run}`;
    const key = keyOf('expiry');
    await store.runIdempotent(key, countOne(stream));
    await age(key, DEFAULT_KEY_TTL_HOURS - 1);
    expect(await store.runIdempotent(key, countOne(stream))).toMatchObject({ replayed: true });
    await age(key, DEFAULT_KEY_TTL_HOURS + 1);
    const anew = await store.runIdempotent(key, countOne(stream));
    expect(anew).toEqual({ replayed: false, answer: { status: 201, body: { version: 2 } } });
    // The new answer is kept in the expired one's place, and answers repeats from now on.
    expect(await store.runIdempotent(key, countOne(stream))).toEqual({ ...anew, replayed: true });
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('lets an expired key be kept again by a batch append, and hides it until then', async () => {
    const stream = `idem-batch-${run}`;
    const key = keyOf('batch');
    const answered = (n: number) => [{ request: key, answer: { status: 200, body: { n } } }];
    await store.append(stream, 0, [probe(1)], META, { answers: answered(1) });
    await age(key, DEFAULT_KEY_TTL_HOURS + 1);
    expect(await store.keptAnswers([key])).toEqual(new Map());
    await store.append(stream, 1, [probe(2)], META, { answers: answered(2) });
    const kept = await store.keptAnswers([key]);
    expect(kept.get(keyIdOf(key))?.answer).toEqual({ status: 200, body: { n: 2 } });
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('follows the lifetime the deployment sets', async () => {
    const shortLived = new EventStore(pool, undefined, { keyTtlHours: 1 });
    const key = keyOf('configured');
    await shortLived.runIdempotent(key, countOne(`idem-configured-${run}`));
    await age(key, 2);
    expect(await shortLived.keptAnswers([key])).toEqual(new Map());
    expect((await store.keptAnswers([key])).size).toBe(1);
  });

  it('deletes expired keys and leaves live ones', async () => {
    const [old, live] = [keyOf('sweep-old'), keyOf('sweep-live')];
    const stream = `idem-sweep-${run}`;
    await store.append(stream, 0, [probe(1)], META, {
      answers: [old, live].map((request) => ({ request, answer: { status: 200, body: null } })),
    });
    await age(old, DEFAULT_KEY_TTL_HOURS + 1);
    expect(await store.deleteExpiredKeys(1)).toBeGreaterThanOrEqual(1);
    const { rows } = await pool.query<{ key: string }>(
      'SELECT key FROM idempotency_keys WHERE key = ANY($1)',
      [[old.key, live.key]],
    );
    expect(rows.map((r) => r.key)).toEqual([live.key]);
  });
});
