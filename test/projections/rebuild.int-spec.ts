import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { testEnv } from '../support/test-env';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, countsOf, testPool, waitFor } from './support/test-db';
import { appendToLog, runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';
const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run rebuild -- <projection>`, exactly as an operator types it. */
async function rebuild(projection: string): Promise<{ stderr: string }> {
  const { stderr } = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'rebuild', '--', projection],
    {
      cwd: ROOT,
      env: { ...process.env, ...testEnv() },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return { stderr };
}

describe('rebuilding a projection from the event store', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;
  let produced = 0;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.rebuild.${runId()}`, 3);
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await topic.remove();
    await db.end();
  }, 60_000);

  /** What an append followed by the relay does: into the log, then onto Kafka. */
  const record = async (events: Parameters<typeof appendToLog>[1]) => {
    const stored = await appendToLog(db, events);
    await topic.publish(stored);
    produced += stored.length;
    return stored;
  };
  const caughtUp = () =>
    waitFor(
      'live consumer caught up',
      () => consumed(db, PROJECTION, topic.name),
      (n) => n >= produced,
    );

  it('replays the log into shadow tables, swaps them in, and the live consumer carries on', async () => {
    const prefix = `rebuild-${runId()}`;
    const first = syntheticEvents(prefix, 200, 100);
    await record(first);
    runner = startRunner(PROJECTION, topic.name);
    await runner.waitForOutput(/consuming/);
    await caughtUp();
    const live = await countsOf(db, prefix);
    expect(live.size).toBe(200);

    // The live table keeps answering while the rebuild runs.
    let reads = 0;
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        if ((await countsOf(db, prefix)).size === 200) reads++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const { stderr } = await rebuild(PROJECTION).finally(() => (rebuilding = false));
    await reader;
    expect(reads).toBeGreaterThan(0);

    expect(stderr).toMatch(/\[#+\.*\]\s+\d+% [\d,]+\/[\d,]+ events {2}[\d,]+ ev\/s {2}ETA/);
    const lastLine = stderr.trim().split('\n').at(-1)!;
    expect(lastLine).toMatch(/^rebuilt event_count_by_stream: \d+ events .* [\d]+ events\/s$/);
    expect(await countsOf(db, prefix)).toEqual(live);

    const { rows: leftovers } = await db.query(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE 'event_count_by_stream\\_\\_%'",
    );
    expect(leftovers).toEqual([]);
    const { rows: indexes } = await db.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'event_count_by_stream'",
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['event_count_by_stream_pkey']);

    // Events after the swap: applied once on top of the rebuilt rows, duplicates still skipped.
    const more = syntheticEvents(prefix, 200, 103).filter((e) => e.streamVersion > 100);
    const stored = await record(more);
    await topic.publish(stored.slice(0, 50));
    produced += 50;
    await caughtUp();
    const after = await countsOf(db, prefix);
    expect([...after.values()].every((n) => n === 103)).toBe(true);
  }, 180_000);
});
