import type { Pool } from 'pg';
import { eventCountByStream } from '@circle/projections';
import { call } from '../support/http';
import {
  projectionsAppPort,
  startProjectionsApp,
  type ProjectionsApp,
} from './support/projections-app';
import { startRunner, type RunnerProcess } from './support/runner-process';
import { consumed, countsOf, testPool, waitFor } from './support/test-db';
import { appendToLog, runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

const PROJECTION = 'event_count_by_stream';
const STREAMS = 6;

interface StatusView {
  name: string;
  gaps: number;
  rebuilding: boolean;
  partitions: { partition: number; gap: boolean; earliestOffset: string }[];
}

describe('projection runner when Kafka no longer holds what follows its checkpoint', () => {
  let db: Pool;
  let topic: TestTopic;
  let runner: RunnerProcess | undefined;
  let api: ProjectionsApp;
  let supervisor: string;

  beforeAll(async () => {
    db = testPool();
    topic = await TestTopic.create(`test.projections.gap.${runId()}`, 3);
    // Serves status and metrics only; the runner process consumes.
    api = await startProjectionsApp([eventCountByStream([topic.name])], projectionsAppPort(1), {
      consume: false,
    });
    supervisor = await api.tokenFor('supervisor');
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await api?.app.close();
    await topic.remove();
    await db.end();
  }, 60_000);

  const status = async () => {
    const reply = await call<StatusView[]>(`${api.url}/api/projections`, { token: supervisor });
    return reply.body.find((s) => s.name === PROJECTION)!;
  };
  const record = async (events: Parameters<typeof appendToLog>[1]) =>
    topic.publish(await appendToLog(db, events));

  it('says so and rebuilds from the event store instead of applying past the gap', async () => {
    const prefix = `gap-${runId()}`;
    const events = syntheticEvents(prefix, STREAMS, 8);
    const versions = (from: number, to: number) =>
      events.filter((e) => e.streamVersion >= from && e.streamVersion <= to);
    await record(versions(1, 3));
    runner = startRunner(PROJECTION, topic.name);
    await runner.waitForOutput(/consuming/);
    await waitFor(
      'the first events applied',
      () => consumed(db, PROJECTION, topic.name),
      (n) => n >= STREAMS * 3,
    );
    await runner.stop();

    // While the runner is away, versions 4 to 6 pass through Kafka and are deleted there, as
    // retention does to a consumer that stayed away too long; 7 and 8 are still in Kafka.
    await record(versions(4, 6));
    await topic.deleteEverythingSoFar();
    await record(versions(7, 8));
    const seen = await status();
    expect(seen.gaps).toBeGreaterThan(0);
    expect(seen.partitions.some((p) => p.gap && BigInt(p.earliestOffset) > 0n)).toBe(true);
    const metrics = (await call<string>(`${api.url}/metrics`)).body;
    expect(metrics).toMatch(
      /projection_log_gaps\{[^}]*projection="event_count_by_stream"[^}]*\} [1-9]/,
    );

    runner = startRunner(PROJECTION, topic.name);
    await runner.waitForOutput(/rebuilt from the event store/, 90_000);
    expect(runner.output()).toMatch(/records \d+ to \d+ are gone/);
    const counts = await waitFor(
      'every stream at version 8',
      () => countsOf(db, prefix),
      (c) => c.size === STREAMS && [...c.values()].every((n) => n === 8),
    );
    expect([...counts.values()]).toEqual(Array.from({ length: STREAMS }, () => 8));
    await waitFor('the gap gone from the status', status, (s) => s.gaps === 0 && !s.rebuilding);
  }, 180_000);
});
