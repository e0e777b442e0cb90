import type { Pool } from 'pg';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, countsOf, testPool, total, waitFor } from './support/test-db';
import { runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';
const EVENTS = 60_000;

describe('projection runner throughput', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.speed.${runId()}`, 6);
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await topic.remove();
    await db.end();
  }, 60_000);

  it('applies a backlog of simple events at thousands per second', async () => {
    const prefix = `speed-${runId()}`;
    await topic.publish(syntheticEvents(prefix, 600, EVENTS / 600));
    runner = startRunner(PROJECTION, topic.name);
    await waitFor(
      'first events applied',
      () => consumed(db, PROJECTION, topic.name),
      (n) => n > 0,
    );
    const started = Date.now();
    const startedAt = await consumed(db, PROJECTION, topic.name);
    await waitFor(
      'backlog applied',
      () => consumed(db, PROJECTION, topic.name),
      (n) => n >= EVENTS,
      120_000,
    );
    const perSecond = Math.round(((EVENTS - startedAt) * 1000) / (Date.now() - started));
    console.log(`event_count_by_stream applied ${perSecond} events/s`);
    expect(total(await countsOf(db, prefix))).toBe(EVENTS);
    // The aim is 10,000/s on two idle cores; the floor leaves room for a busy test machine.
    expect(perSecond).toBeGreaterThan(2_000);
  }, 180_000);
});
