import type { Pool } from 'pg';
import { spawnTool, startRunner, type RunnerProcess } from './support/runner-process';
import { eventLogId } from '@circle/event-store';
import { groupIdOf } from '@circle/projections';
import { checkpointOffsets, consumed, countsOf, testPool, total, waitFor } from './support/test-db';
import { runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';
const STREAMS = 12;

describe('projection runner: every event counted exactly once', () => {
  let db: Pool;
  let topic: TestTopic;
  let produced = 0;
  let runner: RunnerProcess | undefined;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.once.${runId()}`, 3);
  }, 60_000);

  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  }, 60_000);

  afterAll(async () => {
    await topic.remove();
    await db.end();
  }, 60_000);

  const publish = async (events: Parameters<TestTopic['publish']>[0]) => {
    await topic.publish(events);
    produced += events.length;
  };

  const start = async (env: Record<string, string> = {}) => {
    const started = startRunner(PROJECTION, topic.name, env);
    await started.waitForOutput(/consuming/);
    return started;
  };

  const caughtUp = () =>
    waitFor(
      `${PROJECTION} at offset total ${produced}`,
      () => consumed(db, PROJECTION, topic.name),
      (n) => n >= produced,
    );

  const expectEachStreamCounted = async (prefix: string, perStream: number) => {
    const counts = await countsOf(db, prefix);
    expect(counts.size).toBe(STREAMS);
    for (const count of counts.values()) expect(count).toBe(perStream);
  };

  it('skips the duplicates a relay re-sends and Kafka redelivers', async () => {
    const prefix = `once-dup-${runId()}`;
    const events = syntheticEvents(prefix, STREAMS, 20);
    await publish(events);
    await publish(events.slice(0, 100));
    await publish([...events].reverse().slice(0, 50));
    runner = await start();
    await caughtUp();
    await expectEachStreamCounted(prefix, 20);
    const { rows } = await db.query<{ last_version: number }>(
      'SELECT DISTINCT last_version FROM event_count_by_stream WHERE starts_with(stream_id, $1)',
      [prefix],
    );
    expect(rows).toEqual([{ last_version: 20 }]);
  }, 90_000);

  it('loses and doubles nothing when killed -9 between applying and committing', async () => {
    const prefix = `once-kill-apply-${runId()}`;
    await publish(syntheticEvents(prefix, STREAMS, 25));
    const doomed = await start({
      PROJECTION_CHUNK_SIZE: '20',
      PROJECTION_CRASH_AFTER_APPLY: '130',
    });
    expect((await doomed.exited).signal).toBe('SIGKILL');
    const atCrash = total(await countsOf(db, prefix));
    expect(atCrash).toBeLessThan(STREAMS * 25);

    runner = await start();
    await caughtUp();
    await expectEachStreamCounted(prefix, 25);
  }, 120_000);

  it('resumes from PostgreSQL when killed -9 between its commit and the Kafka commit', async () => {
    const prefix = `once-kill-commit-${runId()}`;
    await publish(syntheticEvents(prefix, STREAMS, 25));
    const doomed = await start({ PROJECTION_CHUNK_SIZE: '20', PROJECTION_CRASH_AFTER_COMMIT: '4' });
    expect((await doomed.exited).signal).toBe('SIGKILL');
    const inKafka = await topic.groupOffsets(groupIdOf(PROJECTION, await eventLogId(db)));
    const inPostgres = await checkpointOffsets(db, PROJECTION, topic.name);
    const trailing = [...inPostgres].filter(([p, offset]) => offset > (inKafka.get(p) ?? -1n));
    expect(trailing.length).toBeGreaterThan(0);

    runner = await start();
    await caughtUp();
    await expectEachStreamCounted(prefix, 25);
  }, 120_000);

  it('trusts PostgreSQL over the Kafka group offset when its checkpoint is gone', async () => {
    const prefix = `once-restore-${runId()}`;
    await publish(syntheticEvents(prefix, STREAMS, 5));
    runner = await start();
    await caughtUp();
    await runner.stop();
    // As after restoring a backup taken before these events: Kafka still has the group at the end.
    await db.query('DELETE FROM projection_checkpoint WHERE projection = $1 AND topic = $2', [
      PROJECTION,
      topic.name,
    ]);
    await db.query(
      'DELETE FROM projection_stream_position WHERE table_set = $1 AND starts_with(stream_id, $2)',
      [PROJECTION, prefix],
    );
    await db.query('DELETE FROM event_count_by_stream WHERE starts_with(stream_id, $1)', [prefix]);

    runner = await start();
    await caughtUp();
    await expectEachStreamCounted(prefix, 5);
  }, 120_000);

  it('refuses an unknown projection', async () => {
    const tool = spawnTool('projection-runner.cli.js', ['no_such_projection']);
    expect((await tool.exited).code).toBe(1);
    expect(tool.output()).toContain('unknown projection no_such_projection');
  });
});
