import { EventStore, KafkaEventPublisher, OutboxRelay, type NewEvent } from '@circle/event-store';
import type { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';
import { META, PROBE_TYPE, deleteCheckpoints, runSuffix, testPool } from './support/probe';
import { relayUntil } from './support/relay-passes';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** About the size of a settlement's event, whose lines explain each layer in two languages. */
function settlementSized(n: number): NewEvent<{ n: number; lines: string }> {
  return {
    type: PROBE_TYPE,
    schemaVersion: 1,
    data: { n, lines: '起付线 deductible '.repeat(150) },
  };
}

/*
 * A relay that fell behind, say while Kafka was away, reads up to a full batch at once. Two
 * thousand settlements on one partition are some 7 MB, far past what the broker takes in one
 * request (1 MB by default): a pass that sent them whole would be refused on every attempt, and
 * the relay would never get past them.
 */
describe('outbox relay behind a backlog of large events', () => {
  const run = runSuffix();
  const name = `test-backlog-${run}`;
  let pool: Pool;
  let relay: OutboxRelay | undefined;

  beforeAll(() => {
    pool = testPool(2);
  });

  afterAll(async () => {
    await relay?.stop();
    await deleteCheckpoints(pool, [name]);
    await pool.end();
  });

  it('sends a full batch of settlement-sized events on one stream in parts the broker takes', async () => {
    relay = new OutboxRelay({
      name,
      databaseUrl: TEST_DATABASE_URL,
      publisher: new KafkaEventPublisher(brokers, `event-store-test-${name}`),
      startAt: 'end',
      logger: quiet,
    });
    await relay.relayOnce();
    const stream = `backlog-${run}`;
    const store = new EventStore(pool);
    for (let version = 0; version < 2_000; version += 200) {
      const events = Array.from({ length: 200 }, (_, i) => settlementSized(version + i + 1));
      await store.append(stream, version, events, META);
    }

    const ours = (relayed: readonly { streamId: string }[]) =>
      relayed.filter((e) => e.streamId === stream).length;
    const relayed = await relayUntil(relay, (r) => ours(r) >= 2_000, 60_000);
    expect(ours(relayed)).toBe(2_000);
  }, 90_000);
});
