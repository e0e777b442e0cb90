import { ConcurrencyConflict, EventStore, IdempotencyKeyTaken } from '@circle/event-store';
import type { Pool } from 'pg';
import { META, probe, runSuffix, testPool } from './support/probe';

/** A store's appends outside transactions share statements (AppendQueue): group commit. */
describe('EventStore.append, appends arriving together', () => {
  const run = runSuffix();
  let pool: Pool;
  // One statement at a time, so whatever arrives while it runs is certain to go together.
  let store: EventStore;

  beforeAll(() => {
    pool = testPool(4);
    store = new EventStore(pool, undefined, { appends: { statements: 1 } });
  });

  afterAll(async () => {
    await pool.end();
  });

  const request = (key: string) => ({ scope: `sharing ${run}`, key, fingerprint: 'f1' });
  const answered = (key: string) => ({ request: request(key), answer: { status: 200, body: {} } });

  it('share one transaction, each append checked on its own', async () => {
    const streams = Array.from({ length: 20 }, (_, i) => `sharing-${i}-${run}`);
    // The sixth is decided on a version its stream never had; the others must not care.
    const outcomes = await Promise.allSettled(
      streams.map((stream, i) => store.append(stream, i === 5 ? 3 : 0, [probe(i)], META)),
    );
    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, o.reason]] : []));
    expect(refused).toEqual([[5, expect.any(ConcurrencyConflict)]]);
    const transactions = new Set(
      outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.events[0]!.transactionId] : [])),
    );
    // The first went alone; the other eighteen arrived while it ran and went together.
    expect(transactions.size).toBe(2);
    for (const [i, stream] of streams.entries()) {
      const read = await store.readStream(stream);
      expect(read.map((e) => e.data)).toEqual(i === 5 ? [] : [{ n: i }]);
    }
  });

  it('send one stream’s appends in the order they came, never in one statement', async () => {
    const stream = `sharing-order-${run}`;
    const appended = await Promise.all(
      Array.from({ length: 10 }, (_, v) => store.append(stream, v, [probe(v)], META)),
    );
    expect(appended.map((a) => a.version)).toEqual(Array.from({ length: 10 }, (_, v) => v + 1));
    expect(new Set(appended.map((a) => a.events[0]!.transactionId)).size).toBe(10);
    const read = await store.readStream(stream);
    expect(read.map((e) => e.data)).toEqual(Array.from({ length: 10 }, (_, n) => ({ n })));
  });

  it('hold an append resting on a stream another append is writing until that one is done', async () => {
    const person = `sharing-person-${run}`;
    const year = `sharing-year-${run}`;
    // Two statements at a time: the second append would find one free.
    const twoAtATime = new EventStore(pool, undefined, { appends: { statements: 2 } });
    await twoAtATime.append(person, 0, [probe(1)], META);
    const [moved, decided] = await Promise.allSettled([
      twoAtATime.append(person, 1, [probe(2)], META),
      twoAtATime.append(year, 0, [probe(1)], META, {
        unchanged: [{ streamId: person, version: 1 }],
      }),
    ]);
    expect(moved.status).toBe('fulfilled');
    expect(decided).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ streamId: person, code: 'concurrency_conflict' }),
    });
    expect(await store.streamVersion(year)).toBe(0);
  });

  it('try each append alone when one of them meets a row written meanwhile', async () => {
    await store.append(`sharing-kept-${run}`, 0, [probe(1)], META, { answers: [answered('k')] });
    const first = store.append(`sharing-first-${run}`, 0, [probe(1)], META);
    // These three arrive while the first runs and share the next statement; the middle one's
    // key is already kept, which fails that statement as a whole.
    const together = [
      store.append(`sharing-a-${run}`, 0, [probe(1)], META, { answers: [answered('a')] }),
      store.append(`sharing-b-${run}`, 0, [probe(1)], META, { answers: [answered('k')] }),
      store.append(`sharing-c-${run}`, 0, [probe(1)], META, { answers: [answered('c')] }),
    ];
    await first;
    const [a, b, c] = await Promise.allSettled(together);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyKeyTaken) });
    expect(c.status).toBe('fulfilled');
    expect(await store.streamVersion(`sharing-b-${run}`)).toBe(0);
    const kept = await store.keptAnswers([request('a'), request('c')]);
    expect(kept.size).toBe(2);
  });
});
