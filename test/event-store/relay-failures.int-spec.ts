import {
  EventStore,
  OutboxRelay,
  type EventPublisher,
  type RelayedEvent,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';
import { META, deleteCheckpoints, probe, runSuffix, testPool } from './support/probe';
import { waitFor } from './support/relay-process';

/** Refuses the first batch that holds `streamId`, then accepts everything. */
class FlakyPublisher implements EventPublisher {
  readonly attempts: RelayedEvent[][] = [];
  readonly accepted: RelayedEvent[][] = [];
  connects = 0;
  private failed = false;

  constructor(private readonly streamId: string) {}

  async connect(): Promise<void> {
    this.connects += 1;
  }

  async publish(events: readonly RelayedEvent[]): Promise<void> {
    this.attempts.push([...events]);
    if (!this.failed && events.some((e) => e.streamId === this.streamId)) {
      this.failed = true;
      throw new Error('broker unavailable');
    }
    this.accepted.push([...events]);
  }

  async disconnect(): Promise<void> {}
}

describe('outbox relay when publishing fails', () => {
  const run = runSuffix();
  const relayName = `test-flaky-${run}`;
  let pool: Pool;

  beforeAll(() => {
    pool = testPool(2);
  });

  afterAll(async () => {
    await deleteCheckpoints(pool, [relayName]);
    await pool.end();
  });

  it('keeps the checkpoint until the batch is accepted, then sends it again', async () => {
    const stream = `flaky-${run}`;
    const publisher = new FlakyPublisher(stream);
    const errors: string[] = [];
    const relay = new OutboxRelay({
      name: relayName,
      databaseUrl: TEST_DATABASE_URL,
      publisher,
      startAt: 'end',
      errorBackoffMs: 20,
      logger: { log: () => undefined, warn: () => undefined, error: (m) => errors.push(m) },
    });
    relay.start();
    try {
      await waitFor('the relay to lead', () => relay.leading, 20_000);
      await new EventStore(pool).append(stream, 0, [probe(1)], META);
      const ours = (batches: RelayedEvent[][]) =>
        batches.flat().filter((e) => e.streamId === stream).length;
      await waitFor('the batch to be accepted', () => ours(publisher.accepted) > 0, 30_000);
      expect(ours(publisher.attempts)).toBe(2);
      expect(ours(publisher.accepted)).toBe(1);
      expect(errors.join('\n')).toContain('broker unavailable');
      expect(publisher.connects).toBeGreaterThanOrEqual(2);
    } finally {
      await relay.stop();
    }
  }, 60_000);
});
