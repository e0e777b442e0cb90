import type { Message } from 'kafkajs';
import type { Pool } from 'pg';
import { faultProbe, FAULT_PROBE, FAULT_PROBE_TABLES_SQL } from '@circle/projections';
import { DeadLetterReplayer } from '../../libs/projections/src/replay/dead-letter-replayer';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, testPool, waitFor } from './support/test-db';
import { runId, syntheticEvents } from './support/test-events';
import { relayedRecord, testLogId, TestTopic } from './support/test-topic';

describe('projection runner and records it cannot read', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;
  let produced = 0;

  beforeAll(async () => {
    db = testPool();
    await db.query(FAULT_PROBE_TABLES_SQL);
    topic = await TestTopic.create(`test.projections.unreadable.${runId()}`, 1);
    runner = startRunner(FAULT_PROBE, topic.name);
    await runner.waitForOutput(/consuming/);
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await topic.remove();
    await db.end();
  }, 60_000);

  const send = async (messages: Message[]) => {
    await topic.send(messages);
    produced += messages.length;
  };
  const caughtUp = () =>
    waitFor(
      `${FAULT_PROBE} at offset ${produced}`,
      () => consumed(db, FAULT_PROBE, topic.name),
      (n) => n >= produced,
    );
  const lettersOfTopic = async () => {
    const { rows } = await db.query<{
      id: string;
      event: { kafkaRecord?: { key: string } };
      error: string;
    }>(
      `SELECT id, event, error FROM projection_dead_letter
       WHERE projection = $1 AND event->'kafkaRecord'->>'topic' = $2 ORDER BY id`,
      [FAULT_PROBE, topic.name],
    );
    return rows;
  };
  const applied = async (prefix: string) => {
    const { rows } = await db.query<{ stream_id: string }>(
      'SELECT stream_id FROM fault_probe_event WHERE starts_with(stream_id, $1)',
      [prefix],
    );
    return rows.map((r) => r.stream_id).sort();
  };

  /** A record of `log` whose required header the relay would never leave out. */
  const broken = (log: string | undefined, key: string): Message => {
    const [event] = syntheticEvents(key, 1, 1);
    const record = relayedRecord(event!, log ?? 'unused');
    const headers = { ...record.headers };
    delete headers.ce_subject;
    if (log === undefined) delete headers.ce_log;
    return { ...record, key, headers };
  };

  it("parks its own log's unreadable record whole, skips other logs' records, and reads on", async () => {
    const prefix = `unreadable-${runId()}`;
    const ours = await testLogId();
    const [fine] = syntheticEvents(`${prefix}-fine`, 1, 1);
    const [untagged] = syntheticEvents(`${prefix}-untagged`, 1, 1);
    const untaggedRecord = relayedRecord(untagged!, ours);
    delete untaggedRecord.headers!.ce_log;
    await send([
      broken(ours, `${prefix}-ours`),
      broken('another_database#1', `${prefix}-theirs`),
      broken(undefined, `${prefix}-nobodys`),
      untaggedRecord,
      relayedRecord(fine!, ours),
    ]);
    await caughtUp();

    const letters = await lettersOfTopic();
    expect(letters.map((l) => l.event.kafkaRecord?.key)).toEqual([`${prefix}-ours`]);
    expect(letters[0]!.error).toContain('lacks header ce_subject');
    expect(letters[0]!.event.kafkaRecord).toMatchObject({
      topic: topic.name,
      partition: 0,
      headers: expect.objectContaining({ ce_log: ours }),
    });
    expect(await applied(prefix)).toEqual([fine!.streamId]);

    const replayer = new DeadLetterReplayer(db, new Map([[FAULT_PROBE, faultProbe([topic.name])]]));
    const again = await replayer.replay(letters[0]!.id);
    expect(again).toMatchObject({
      replayed: false,
      error: expect.stringContaining('still unreadable'),
    });
  }, 60_000);
});
