import type { Pool } from 'pg';
import { DeadLetterReplayer } from '../../libs/projections/src/replay/dead-letter-replayer';
import { eventCountByStream } from '@circle/projections';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, testPool, waitFor } from './support/test-db';
import { appendToLog, runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';

interface Counted {
  events: number;
  last_version: number;
}

describe('projection runner: each stream applied in version order, never past a hole', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;
  let produced = 0;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.order.${runId()}`, 3);
    runner = startRunner(PROJECTION, topic.name);
    await runner.waitForOutput(/consuming/);
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
  const counted = async (streamId: string): Promise<Counted | undefined> => {
    const { rows } = await db.query<Counted>(
      'SELECT events, last_version FROM event_count_by_stream WHERE stream_id = $1',
      [streamId],
    );
    return rows[0];
  };
  const lettersOf = async (streamId: string) => {
    const { rows } = await db.query<{ id: string; error: string; version: number }>(
      `SELECT id, error, (event->>'streamVersion')::int AS version FROM projection_dead_letter
       WHERE projection = $1 AND event->>'streamId' = $2 AND replayed_at IS NULL ORDER BY id`,
      [PROJECTION, streamId],
    );
    return rows;
  };

  it('applies a version Kafka delivers late from the event store, instead of dropping it', async () => {
    const prefix = `order-late-${runId()}`;
    const stored = await appendToLog(db, syntheticEvents(prefix, 4, 3));
    // Kafka delivers 2 and 3 before 1, as after a change of partitions or a lost commit.
    const late = stored.filter((e) => e.streamVersion === 1);
    await publish([...stored.filter((e) => e.streamVersion > 1), ...late]);
    await caughtUp();
    for (const streamId of new Set(stored.map((e) => e.streamId)))
      expect(await counted(streamId)).toEqual({ events: 3, last_version: 3 });
  }, 60_000);

  it('parks a version after a hole nobody can fill and applies it once the hole is filled and it is replayed', async () => {
    const [v1, v2, v3] = syntheticEvents(`order-hole-${runId()}`, 1, 3);
    const streamId = v1!.streamId;
    // Only in Kafka: the event store cannot fill the hole either.
    await publish([v2!, v3!]);
    await caughtUp();
    expect(await counted(streamId)).toBeUndefined();
    const letters = await lettersOf(streamId);
    expect(letters.map((l) => l.version)).toEqual([2, 3]);
    expect(letters[0]!.error).toContain('stream gap: version 2 came after version 0');
    expect(letters[1]!.error).toContain('held behind version 2');

    await publish([v1!]);
    await caughtUp();
    expect(await counted(streamId)).toEqual({ events: 1, last_version: 1 });

    const replayer = new DeadLetterReplayer(
      db,
      new Map([[PROJECTION, eventCountByStream([topic.name])]]),
    );
    const result = await replayer.replay(letters[0]!.id);
    expect(result).toEqual({ id: letters[0]!.id, replayed: true });
    expect(await counted(streamId)).toEqual({ events: 3, last_version: 3 });
    expect(await lettersOf(streamId)).toEqual([]);
  }, 60_000);
});
