import {
  EventStore,
  KafkaEventPublisher,
  OutboxRelay,
  offLogConnectionName,
} from '@circle/event-store';
import { Client, Pool } from 'pg';
import { TOPIC_PARTITIONS } from '../../libs/platform/src/kafka/topics';
import { TEST_DATABASE_URL } from '../support/test-env';
import { partitionOfKey, readTopic, topicEnd } from './support/kafka-reader';
import { META, PROBE_TOPIC, deleteCheckpoints, probe, runSuffix, testPool } from './support/probe';
import { relayToGate, relayUntil } from './support/relay-passes';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A second stream id that lands on the same partition, so Kafka's order between them means something. */
function streamOnSamePartitionAs(first: string, run: string): string {
  const partitions = TOPIC_PARTITIONS[PROBE_TOPIC];
  const target = partitionOfKey(first, partitions);
  for (let i = 0; ; i++) {
    const candidate = `gap-late-${run}-${i}`;
    if (partitionOfKey(candidate, partitions) === target) return candidate;
  }
}

describe('outbox relay and commit-order gaps', () => {
  const run = runSuffix();
  const relayNames = [`test-gap-${run}`, `test-lead-${run}`, `test-off-log-${run}`];
  let pool: Pool;
  let store: EventStore;
  const relays: OutboxRelay[] = [];

  function relay(name: string): OutboxRelay {
    const created = new OutboxRelay({
      name,
      databaseUrl: TEST_DATABASE_URL,
      publisher: new KafkaEventPublisher(brokers, `event-store-test-${name}`),
      startAt: 'end',
      logger: quiet,
    });
    relays.push(created);
    return created;
  }

  beforeAll(() => {
    pool = testPool();
    store = new EventStore(pool);
  });

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await deleteCheckpoints(pool, relayNames);
    await pool.end();
  }, 30_000);

  it('holds back an event committed ahead of an older open transaction, then publishes both in order', async () => {
    const early = `gap-early-${run}`;
    const late = streamOnSamePartitionAs(early, run);
    const from = await topicEnd(PROBE_TOPIC);
    const gap = relay(relayNames[0]!);
    await gap.relayOnce();

    const t1Appended = deferred();
    const t1MayCommit = deferred();
    const t1 = store.transaction(async (tx) => {
      await tx.append(early, 0, [probe(1)], META);
      t1Appended.resolve();
      await t1MayCommit.promise;
    });
    try {
      await t1Appended.promise;
      const t2 = await store.append(late, 0, [probe(2)], META);
      expect(await store.readStream(late)).toHaveLength(1);
      const [t1Row] = (
        await pool.query<{ open: boolean }>(
          'SELECT count(*) > 0 AS open FROM events WHERE stream_id = $1',
          [early],
        )
      ).rows;
      expect(t1Row!.open).toBe(false);

      const whileOpen = await relayToGate(gap);
      expect(whileOpen.map((e) => e.streamId)).not.toContain(late);
      expect(t2.events[0]!.globalPosition).toBeGreaterThan(0n);
    } finally {
      t1MayCommit.resolve();
      await t1;
    }

    const [t1Event] = await store.readStream(early);
    const [t2Event] = await store.readStream(late);
    expect(t1Event!.globalPosition).toBeLessThan(t2Event!.globalPosition);
    const afterCommit = await relayUntil(gap, (got) => got.some((e) => e.streamId === late));
    const ours = afterCommit.map((e) => e.streamId).filter((s) => s === early || s === late);
    expect(ours).toEqual([early, late]);

    const records = await readTopic(
      PROBE_TOPIC,
      from,
      (key) => key === early || key === late,
      (got) => got.length >= 2,
    );
    expect(records.map((r) => r.event.streamId)).toEqual([early, late]);
    expect(records[0]!.partition).toBe(records[1]!.partition);
    expect(records[0]!.offset).toBeLessThan(records[1]!.offset);
    expect(records[0]!.event).toMatchObject({ eventId: t1Event!.eventId, streamVersion: 1 });
  }, 60_000);

  it('does not wait for a connection that never appends, and refuses that connection an append', async () => {
    const stream = `off-log-${run}`;
    const offLog = relay(relayNames[2]!);
    await offLog.relayOnce();
    const readModels = new Client({
      connectionString: TEST_DATABASE_URL,
      application_name: offLogConnectionName(`test-${run}`),
    });
    await readModels.connect();
    try {
      // A read model's transaction: it holds a transaction id, as every write does, and stays open.
      await readModels.query('BEGIN');
      await readModels.query('SELECT pg_current_xact_id()');
      await store.append(stream, 0, [probe(1)], META);
      const relayed = await relayUntil(offLog, (got) => got.some((e) => e.streamId === stream));
      expect(relayed.map((e) => e.streamId)).toContain(stream);
    } finally {
      await readModels.query('ROLLBACK').catch(() => undefined);
      await readModels.end();
    }
    const offLogPool = new Pool({
      connectionString: TEST_DATABASE_URL,
      application_name: offLogConnectionName(`test-${run}`),
      max: 1,
    });
    try {
      const refused = new EventStore(offLogPool).append(`${stream}-refused`, 0, [probe(2)], META);
      await expect(refused).rejects.toThrow(/never appends to the log/);
      expect(await store.readStream(`${stream}-refused`)).toHaveLength(0);
    } finally {
      await offLogPool.end();
    }
  }, 60_000);

  it('lets one relay lead per name and hands over where the leader stopped', async () => {
    const stream = `lead-${run}`;
    const first = relay(relayNames[1]!);
    const second = relay(relayNames[1]!);
    await first.relayOnce();
    await expect(second.relayOnce()).rejects.toThrow('led by another process');

    await store.append(stream, 0, [probe(1)], META);
    const led = await relayUntil(first, (got) => got.some((e) => e.streamId === stream));
    expect(led.map((e) => e.streamId)).toContain(stream);
    await first.stop();

    await store.append(stream, 1, [probe(2)], META);
    const handedOver = await relayUntil(second, (got) => got.some((e) => e.streamId === stream));
    expect(handedOver.filter((e) => e.streamId === stream).map((e) => e.streamVersion)).toEqual([
      2,
    ]);
  }, 60_000);
});
