import {
  ConcurrencyConflict,
  EventStore,
  EventsNotFirstWrite,
  IdempotencyKeyTaken,
  SecondStreamInTransaction,
  StreamSpansTopics,
  UnknownEventContext,
  keyIdOf,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { META, PROBE_TYPE, probe, probes, runSuffix, testPool } from './support/probe';

describe('EventStore.append', () => {
  const run = runSuffix();
  let pool: Pool;
  let store: EventStore;

  beforeAll(() => {
    pool = testPool(20);
    store = new EventStore(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('writes several events in one go, numbered from the expected version', async () => {
    const stream = `append-batch-${run}`;
    const first = await store.append(stream, 0, probes(1, 3), META);
    expect(first.version).toBe(3);
    expect(first.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    const positions = first.events.map((e) => e.globalPosition);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(first.events.map((e) => e.transactionId)).size).toBe(1);

    await store.append(stream, 3, [probe(4)], { ...META, stationId: 'town-1' });
    const read = await store.readStream(stream);
    expect(read.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { n: 3 }],
      [4, { n: 4 }],
    ]);
    expect(read[3]!.metadata).toEqual({ ...META, stationId: 'town-1' });
    expect(read[0]!.eventId).toBe(first.events[0]!.eventId);
    expect(await store.readStream(stream, 3)).toHaveLength(2);
  });

  it('lets exactly one of many concurrent appends at the same version win, never a fork', async () => {
    const stream = `append-race-${run}`;
    await store.append(stream, 0, [probe(0)], META);
    // Stores of their own, as separate processes: one store sends a stream's appends in turn.
    const contenders = Array.from({ length: 12 }, (_, i) =>
      new EventStore(pool).append(stream, 1, [probe(100 + i), probe(200 + i)], META),
    );
    const outcomes = await Promise.allSettled(contenders);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const error of lost) {
      expect(error).toBeInstanceOf(ConcurrencyConflict);
      expect(error).toMatchObject({ kind: 'conflict', code: 'concurrency_conflict' });
    }
    const read = await store.readStream(stream);
    expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    const winner = (read[1]!.data as { n: number }).n - 100;
    expect(read[2]!.data).toEqual({ n: 200 + winner });
  });

  it('refuses a stale or a future expected version and says where the stream is', async () => {
    const stream = `append-stale-${run}`;
    await store.append(stream, 0, probes(1, 2), META);
    await expect(store.append(stream, 1, [probe(9)], META)).rejects.toMatchObject({
      expectedVersion: 1,
      actualVersion: 2,
    });
    await expect(store.append(stream, 5, [probe(9)], META)).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    await expect(store.append(`append-new-${run}`, 1, [probe(1)], META)).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('refuses an append decided on another stream that has since moved on, naming it', async () => {
    const stream = `append-rests-${run}`;
    const other = `append-rested-on-${run}`;
    await store.append(other, 0, probes(1, 2), META);
    const unchanged = [{ streamId: other, version: 2 }];
    await store.append(stream, 0, [probe(1)], META, { unchanged });

    await store.append(other, 2, [probe(3)], META);
    await expect(store.append(stream, 1, [probe(2)], META, { unchanged })).rejects.toMatchObject({
      streamId: other,
      expectedVersion: 2,
      code: 'concurrency_conflict',
    });
    // A stream that never existed stands at version 0 until its first event.
    await expect(
      store.append(stream, 1, [probe(2)], META, {
        unchanged: [{ streamId: `append-never-${run}`, version: 0 }],
      }),
    ).resolves.toMatchObject({ version: 2 });
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('refuses an event of an unknown context before anything is written', async () => {
    const stream = `append-unknown-${run}`;
    await expect(
      store.append(stream, 0, [{ type: 'parking.CarParked', schemaVersion: 1, data: {} }], META),
    ).rejects.toBeInstanceOf(UnknownEventContext);
    expect(await store.streamVersion(stream)).toBe(0);
  });

  it('keeps a stream on one topic, so Kafka can keep its order', async () => {
    const mixed = `append-mixed-${run}`;
    const counter = { type: 'stations.CounterOpened', schemaVersion: 1, data: { n: 1 } };
    await expect(store.append(mixed, 0, [probe(1), counter], META)).rejects.toBeInstanceOf(
      StreamSpansTopics,
    );
    expect(await store.streamVersion(mixed)).toBe(0);

    const probed = `append-probed-${run}`;
    await store.append(probed, 0, [probe(1)], META);
    await expect(store.append(probed, 1, [counter], META)).rejects.toBeInstanceOf(
      StreamSpansTopics,
    );
    await expect(
      store.transaction((tx) => tx.append(probed, 1, [counter], META)),
    ).rejects.toBeInstanceOf(StreamSpansTopics);
    expect(await store.streamVersion(probed)).toBe(1);
    await store.append(probed, 1, [probe(2)], META);
    expect(await store.streamVersion(probed)).toBe(2);
  });

  it('keeps a transaction to one stream, and the events its first write', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.append(`append-one-${run}`, 0, [probe(1)], META);
        await tx.append(`append-one-${run}`, 1, [probe(2)], META);
        await tx.append(`append-two-${run}`, 0, [probe(1)], META);
      }),
    ).rejects.toBeInstanceOf(SecondStreamInTransaction);
    expect(await store.streamVersion(`append-one-${run}`)).toBe(0);

    await expect(
      store.transaction(async (tx) => {
        await tx.query(`INSERT INTO snapshots (stream_id, version, schema, state)
                        VALUES ('append-early-${run}', 1, 'x', '{}')`);
        await tx.append(`append-early-${run}`, 0, [probe(1)], META);
      }),
    ).rejects.toBeInstanceOf(EventsNotFirstWrite);
    expect(await store.streamVersion(`append-early-${run}`)).toBe(0);
  });

  it('appends twice to one stream in one transaction under one transaction id', async () => {
    const stream = `append-twice-${run}`;
    const [a, b] = await store.transaction(async (tx) => [
      await tx.append(stream, 0, [probe(1)], META),
      await tx.append(stream, 1, [probe(2)], META),
    ]);
    expect(a.events[0]!.transactionId).toBe(b.events[0]!.transactionId);
    expect(await store.streamVersion(stream)).toBe(2);
  });

  it('never lets an event be changed or removed', async () => {
    const stream = `append-only-${run}`;
    await store.append(stream, 0, [probe(1)], META);
    await expect(
      pool.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [stream]),
    ).rejects.toThrow('append-only');
    await expect(pool.query('DELETE FROM events WHERE stream_id = $1', [stream])).rejects.toThrow(
      'append-only',
    );
    expect((await store.readStream(stream))[0]!.type).toBe(PROBE_TYPE);
  });
});

describe('EventStore.append with kept answers', () => {
  const run = runSuffix();
  let pool: Pool;
  let store: EventStore;

  beforeAll(() => {
    pool = testPool(4);
    store = new EventStore(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  const request = (key: string) => ({ scope: `clerk ${run}`, key, fingerprint: 'f1' });
  const answered = (key: string, body: unknown) => ({
    request: request(key),
    answer: { status: 200, body },
  });

  it('keeps the answers with the events; a kept key fails the whole append', async () => {
    const stream = `answers-${run}`;
    await store.append(stream, 0, [probe(1)], META, { answers: [answered('k1', { n: 1 })] });
    const kept = await store.keptAnswers([request('k1'), request('k2')]);
    expect([...kept.keys()]).toEqual([keyIdOf(request('k1'))]);
    expect(kept.get(keyIdOf(request('k1')))).toEqual({
      fingerprint: 'f1',
      answer: { status: 200, body: { n: 1 } },
    });

    await expect(
      store.append(stream, 1, [probe(2)], META, {
        answers: [answered('k2', { n: 2 }), answered('k1', { n: 2 })],
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyTaken);
    expect(await store.readStream(stream)).toHaveLength(1);
    expect(await store.keptAnswers([request('k2')])).toEqual(new Map());
  });

  it('keeps answers of commands that appended nothing only at the expected version', async () => {
    const stream = `answers-only-${run}`;
    await store.append(stream, 0, [probe(1)], META);
    await expect(
      store.append(stream, 0, [], META, { answers: [answered('stale', null)] }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await store.keptAnswers([request('stale')])).toEqual(new Map());
    await store.append(stream, 1, [], META, { answers: [answered('fresh', undefined)] });
    expect(await store.keptAnswers([request('fresh')])).toEqual(
      new Map([
        [keyIdOf(request('fresh')), { fingerprint: 'f1', answer: { status: 200, body: null } }],
      ]),
    );
  });

  it('keeps an event and its answer the size of a settlement whole in their rows, uncompressed', async () => {
    // About 3 KB of repetitive JSON, as a settlement's lines and its answer are: PostgreSQL
    // would compress it and move it to the TOAST table at its default target.
    const lines = Array.from({ length: 100 }, (_, i) => ({
      layer: `layer-${i % 4}`,
      fen: 1000 + i,
    }));
    const stream = `whole-rows-${run}`;
    const [event] = (
      await store.append(stream, 0, [{ ...probe(1), data: { n: 1, lines } }], META, {
        answers: [answered('whole', { lines })],
      })
    ).events;
    const { rows } = await pool.query<{
      event: string | null;
      answer: string | null;
      size: number;
    }>(
      `SELECT pg_column_compression(e.data) AS event, pg_column_compression(k.response_body) AS answer,
              pg_column_size(e.data) AS size
       FROM events e, idempotency_keys k
       WHERE e.event_id = $1 AND k.scope = $2 AND k.key = 'whole'`,
      [event!.eventId, `clerk ${run}`],
    );
    expect(rows[0]!.size).toBeGreaterThan(2_100);
    expect(rows[0]).toMatchObject({ event: null, answer: null });
  });
});
