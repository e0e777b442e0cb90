import type { Pool } from 'pg';
import { offLogConnectionName } from '@circle/event-store';
import { committedState, loseCommitsSince, type CommittedState } from './support/lost-commits';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, countsOf, testPool, waitFor } from './support/test-db';
import { runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';
const STREAMS = 12;

describe('projection runner when PostgreSQL loses its last commits', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;
  let produced = 0;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.lost.${runId()}`, 3);
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await topic.remove();
    await db.end();
  }, 60_000);

  const publish = async (events: Parameters<TestTopic['publish']>[0]) => {
    await topic.publish(events);
    produced += events.length;
  };
  const caughtUp = () =>
    waitFor(
      `${PROJECTION} at offset total ${produced}`,
      () => consumed(db, PROJECTION, topic.name),
      (n) => n >= produced,
    );

  /** PostgreSQL loses what the runner committed since `earlier`, its Kafka place kept. */
  const loseCommits = async (earlier: CommittedState, prefix: string) => {
    await loseCommitsSince(db, earlier, {
      topic: topic.name,
      streamPrefix: prefix,
      applicationName: offLogConnectionName(`projection-${PROJECTION}`),
    });
    expect(await consumed(db, PROJECTION, topic.name)).toBeLessThan(produced);
  };

  it('applies the lost chunks again instead of building on the offset Kafka kept in memory', async () => {
    const prefix = `lost-${runId()}`;
    const events = syntheticEvents(prefix, STREAMS, 15);
    const versions = (from: number, to: number) =>
      events.filter((e) => e.streamVersion >= from && e.streamVersion <= to);
    runner = startRunner(PROJECTION, topic.name, { PROJECTION_CHUNK_SIZE: '20' });
    await runner.waitForOutput(/consuming/);

    await publish(versions(1, 5));
    await caughtUp();
    const beforeCrash = await committedState(db, topic.name, prefix);
    await publish(versions(6, 10));
    await caughtUp();
    await loseCommits(beforeCrash, prefix);

    await publish(versions(11, 15));
    await caughtUp();
    const counts = await countsOf(db, prefix);
    expect(counts.size).toBe(STREAMS);
    expect([...counts.values()]).toEqual(Array.from({ length: STREAMS }, () => 15));
    expect(runner.output()).toMatch(/resumes at offset \d+ from PostgreSQL/);
  }, 120_000);

  it('applies them again when nothing more arrives on the partitions that lost them', async () => {
    const prefix = `quiet-${runId()}`;
    const events = syntheticEvents(prefix, STREAMS, 10);
    await publish(events.filter((e) => e.streamVersion <= 5));
    await caughtUp();
    const beforeCrash = await committedState(db, topic.name, prefix);
    await publish(events.filter((e) => e.streamVersion > 5));
    await caughtUp();
    await loseCommits(beforeCrash, prefix);

    await caughtUp();
    const counts = await countsOf(db, prefix);
    expect([...counts.values()]).toEqual(Array.from({ length: STREAMS }, () => 10));
  }, 120_000);
});
