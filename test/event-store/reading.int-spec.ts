import {
  EventStore,
  LOG_START,
  UpcasterRegistry,
  comparePositions,
  positionOf,
  type StoredEvent,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { META, PROBE_TYPE, probe, probes, runSuffix, testPool } from './support/probe';

interface CountState {
  readonly count: number;
  readonly sum: number;
}

const evolve = (state: CountState, event: StoredEvent): CountState => ({
  count: state.count + 1,
  sum: state.sum + (event.data as { n: number }).n,
});
const initial: CountState = { count: 0, sum: 0 };

describe('reading the log', () => {
  const run = runSuffix();
  let pool: Pool;

  beforeAll(() => {
    pool = testPool();
  });

  afterAll(async () => {
    await pool.query('DELETE FROM snapshots WHERE stream_id LIKE $1', [`%-${run}`]);
    await pool.end();
  });

  it('loads a v1 event as v2 once its type moved to v2', async () => {
    const stream = `read-upcast-${run}`;
    const before = new EventStore(pool);
    await before.append(stream, 0, [probe(7, 1)], META);
    await before.append(
      stream,
      1,
      [{ type: PROBE_TYPE, schemaVersion: 2, data: { n: 8, unit: 'visit' } }],
      META,
    );

    const upcasters = new UpcasterRegistry().register<{ n: number }, { n: number; unit: string }>(
      PROBE_TYPE,
      1,
      (data) => ({ ...data, unit: 'ticket' }),
    );
    const after = new EventStore(pool, upcasters);
    const events = await after.readStream(stream);
    expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
      [2, { n: 7, unit: 'ticket' }],
      [2, { n: 8, unit: 'visit' }],
    ]);
    // The gated read waits for every older writing transaction on the server (other suites,
    // a benchmark) to end, so the new event may take a moment to pass the gate.
    let all: Awaited<ReturnType<typeof after.readAll>> = [];
    for (let tries = 0; tries < 100; tries++) {
      all = await after.readAll(
        { transactionId: events[0]!.transactionId - 1n, position: 0n },
        10_000,
      );
      if (all.some((e) => e.eventId === events[0]!.eventId)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(all.find((e) => e.eventId === events[0]!.eventId)).toMatchObject({ schemaVersion: 2 });
    const raw = await after.readAll(
      { transactionId: events[0]!.transactionId - 1n, position: 0n },
      10_000,
      {
        upcast: false,
      },
    );
    expect(raw.find((e) => e.eventId === events[0]!.eventId)).toMatchObject({ schemaVersion: 1 });
  });

  it('folds a stream into state and version', async () => {
    const store = new EventStore(pool);
    const stream = `read-fold-${run}`;
    expect(await store.aggregateStream(stream, evolve, initial)).toEqual({
      state: initial,
      version: 0,
    });
    await store.append(stream, 0, probes(1, 4), META);
    expect(await store.aggregateStream(stream, evolve, initial)).toEqual({
      state: { count: 4, sum: 10 },
      version: 4,
    });
  });

  it('reads several streams from their own versions in one call, each in version order', async () => {
    const store = new EventStore(pool);
    const [a, b, none] = ['a', 'b', 'none'].map((s) => `read-streams-${s}-${run}`) as [
      string,
      string,
      string,
    ];
    await store.append(a, 0, probes(1, 3), META);
    await store.append(b, 0, probes(10, 2), META);
    await store.append(a, 3, [probe(4)], META);
    const read = await store.readStreams(
      new Map([
        [a, 2],
        [b, 1],
        [none, 1],
      ]),
    );
    const ns = (events: StoredEvent[] = []) => events.map((e) => (e.data as { n: number }).n);
    expect([ns(read.get(a)), ns(read.get(b)), ns(read.get(none))]).toEqual([
      [2, 3, 4],
      [10, 11],
      [],
    ]);
    expect(read.get(a)?.map((e) => e.streamVersion)).toEqual([2, 3, 4]);
  });

  it('keeps a snapshot each time the version crosses a multiple of N and starts from it', async () => {
    const store = new EventStore(pool);
    const stream = `read-snapshot-${run}`;
    const snapshot = { every: 5, schema: 'probe-count@1' };
    for (let n = 1; n <= 12; n += 3) {
      await store.transaction(async (tx) => {
        const loaded = await tx.aggregateStream(stream, evolve, initial, { snapshot });
        await loaded.append(probes(n, 3), META);
      });
    }
    const { rows } = await pool.query('SELECT version, state FROM snapshots WHERE stream_id = $1', [
      stream,
    ]);
    expect(rows).toEqual([{ version: 12, state: { count: 12, sum: 78 } }]);

    // A marker state proves the load starts from the snapshot rather than from version 1.
    await pool.query(
      `UPDATE snapshots SET state = '{"count": 1000, "sum": 0}' WHERE stream_id = $1`,
      [stream],
    );
    await store.append(stream, 12, [probe(13)], META);
    expect(await store.aggregateStream(stream, evolve, initial, { snapshot })).toEqual({
      state: { count: 1001, sum: 13 },
      version: 13,
    });
    const otherShape = { every: 5, schema: 'probe-count@2' };
    expect(await store.aggregateStream(stream, evolve, initial, { snapshot: otherShape })).toEqual({
      state: { count: 13, sum: 91 },
      version: 13,
    });
  });

  it('reads the whole log in numeric (transaction id, position) order', async () => {
    const store = new EventStore(pool);
    await store.append(`read-order-${run}`, 0, [probe(1)], META);
    const events = await store.readAll(LOG_START, 5_000, { upcast: false });
    expect(events.length).toBeGreaterThan(0);
    for (let i = 1; i < events.length; i++) {
      expect(comparePositions(positionOf(events[i - 1]!), positionOf(events[i]!))).toBe(-1);
    }
  });
});
