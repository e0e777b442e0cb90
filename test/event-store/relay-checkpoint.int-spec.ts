import {
  EventStore,
  OutboxRelay,
  comparePositions,
  positionOf,
  type EventPublisher,
  type LogPosition,
  type RelayedEvent,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';
import {
  META,
  deleteCheckpoints,
  probes,
  readCheckpoint,
  runSuffix,
  testPool,
} from './support/probe';
import { waitFor } from './support/relay-process';

/** Takes every batch at once, as a broker that acknowledges would. */
class RecordingPublisher implements EventPublisher {
  readonly published: RelayedEvent[] = [];
  async connect(): Promise<void> {}
  async publish(events: readonly RelayedEvent[]): Promise<void> {
    this.published.push(...events);
  }
  async disconnect(): Promise<void> {}
}

/*
 * A pass's checkpoint is saved by the statement that reads the next pass's batch, not by a round
 * trip of its own. These hold what that must still give: the checkpoint follows the relay
 * within a pass, and a relay that stops saves where it got to.
 */
describe("outbox relay's checkpoint", () => {
  const run = runSuffix();
  const names = [`test-cp-next-${run}`, `test-cp-stop-${run}`];
  let pool: Pool;

  beforeAll(() => {
    pool = testPool(2);
  });

  afterAll(async () => {
    await deleteCheckpoints(pool, names);
    await pool.end();
  });

  function startRelay(name: string, publisher: EventPublisher, busyMs: number): OutboxRelay {
    const relay = new OutboxRelay({
      name,
      databaseUrl: TEST_DATABASE_URL,
      publisher,
      startAt: 'end',
      busyMs,
      idleMs: 10,
      idleMaxMs: 20,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    relay.start();
    return relay;
  }

  async function appendAndSeeRelayed(
    stream: string,
    publisher: RecordingPublisher,
  ): Promise<LogPosition> {
    const { events } = await new EventStore(pool).append(stream, 0, probes(1, 3), META);
    const last = positionOf(events.at(-1)!);
    await waitFor(
      'the events to be published',
      () => publisher.published.filter((e) => e.streamId === stream).length === 3,
      20_000,
      10,
    );
    return last;
  }

  it('is saved by the next pass once a batch is acknowledged', async () => {
    const publisher = new RecordingPublisher();
    const relay = startRelay(names[0]!, publisher, 2);
    try {
      await waitFor('the relay to lead', () => relay.leading, 20_000);
      const last = await appendAndSeeRelayed(`cp-next-${run}`, publisher);
      await waitFor(
        'the checkpoint to pass the last event',
        async () => comparePositions((await readCheckpoint(pool, names[0]!))!, last) >= 0,
        5_000,
        10,
      );
    } finally {
      await relay.stop();
    }
  }, 60_000);

  it('is saved when the relay stops, with no pass after the last batch', async () => {
    const publisher = new RecordingPublisher();
    // The pause after a busy pass outlasts the test: only stop() can save the checkpoint.
    const relay = startRelay(names[1]!, publisher, 60_000);
    let last: LogPosition;
    try {
      await waitFor('the relay to lead', () => relay.leading, 20_000);
      last = await appendAndSeeRelayed(`cp-stop-${run}`, publisher);
    } finally {
      await relay.stop();
    }
    const saved = await readCheckpoint(pool, names[1]!);
    expect(comparePositions(saved!, last)).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
