import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { consumingKafka, eventLogId, topicOfEventType } from '@circle/event-store';
import { ProjectionConsumer } from '@circle/projections';
import { CONSUMER_CONCURRENCY } from '../libs/projections/src/kafka/projection-consumer';
import { createProjectionPool } from '../libs/projections/src/store/database';
import { BENCH_DATABASE_URL, prepareBenchDatabase } from './lib/bench-db';
import { rawKafkaConsumeRate } from './lib/kafka-baseline';
import { pgbenchInsertTps } from './lib/pgbench-baseline';
import {
  BENCH_EVENT_TYPE,
  PIPELINE_PROJECTION,
  PIPELINE_TABLE_SQL,
  ProjectedEvents,
  pipelineProjection,
} from './lib/pipeline-projection';
import { reportBeside } from './lib/beside';
import { startRelayThread } from './lib/relay-thread';
import { report, summarise } from './lib/stats';
import { writeInThread } from './lib/writer-thread';

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 60);
const WARMUP_SECONDS = Number(env.BENCH_WARMUP_SECONDS ?? 5);
const RATE = Number(env.BENCH_RATE ?? 7_500);
const WRITERS = Number(env.BENCH_WRITERS ?? 8);
const STREAMS = Number(env.BENCH_STREAMS ?? 200);
const EVENTS_PER_APPEND = Number(env.BENCH_EVENTS_PER_APPEND ?? 5);
const RELAY_BATCH = Number(env.BENCH_RELAY_BATCH ?? 2_000);
const RELAY_IDLE_MS = Number(env.BENCH_RELAY_IDLE_MS ?? 20);
const CHUNK = Number(env.BENCH_PROJECTION_CHUNK ?? 1_000);
const CONCURRENCY = Number(env.BENCH_PROJECTION_CONCURRENCY ?? CONSUMER_CONCURRENCY);
const BROKERS = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const DRAIN_MS = 30_000;

const quiet = {
  log: () => undefined,
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function within(times: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] ?? 0;
    if (t >= from && t < to) n++;
  }
  return n;
}

/** The slowest stretch of `stepMs` inside the window: a sustained rate must hold in each. */
function slowestStep(times: readonly number[], from: number, to: number, stepMs: number): number {
  let slowest = Number.POSITIVE_INFINITY;
  for (let t = from; t + stepMs <= to; t += stepMs)
    slowest = Math.min(slowest, (within(times, t, t + stepMs) * 1000) / stepMs);
  return slowest;
}

/**
 * The diagnostics topic is shared with the tests and earlier runs, and may hold a long history.
 * The runner resumes from the offsets PostgreSQL records, so recording today's end offsets
 * makes the bench projection start there instead of reading through everyone else's records.
 */
async function startAtTopicEnd(db: Client, topic: string): Promise<void> {
  const admin = consumingKafka(BROKERS, 'bench-offsets').admin();
  await admin.connect();
  try {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic))
      await db.query(
        `INSERT INTO projection_checkpoint (projection, topic, partition, "offset")
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (projection, topic, partition) DO UPDATE SET "offset" = EXCLUDED."offset"`,
        [PIPELINE_PROJECTION, topic, partition, high],
      );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Kiosk-like appends through the event store, the outbox relay, Kafka and one projection, all
 * the libraries' own code in this process: the writers and the relay on threads of their own,
 * as they would be separate processes in production, the projection runner on the main thread.
 * Writers offer a steady rate for a warm-up and then the measured window; lag runs from an
 * event's occurred-at (its append transaction's start) to the commit of the projection
 * transaction that applied it.
 */
async function main(): Promise<void> {
  await prepareBenchDatabase(true);
  const topic = topicOfEventType(BENCH_EVENT_TYPE);
  const streamPrefix = `bench-${randomUUID().slice(0, 8)}-`;
  const setup = new Client({ connectionString: BENCH_DATABASE_URL });
  await setup.connect();
  await setup.query(PIPELINE_TABLE_SQL);
  await startAtTopicEnd(setup, topic);
  await setup.end();

  const seen = new ProjectedEvents();
  const projectionDb = createProjectionPool(
    BENCH_DATABASE_URL,
    'bench-projection',
    CONCURRENCY + 1,
  );
  seen.watch(projectionDb);
  let joined = false;
  let parked = 0;
  const consumer = new ProjectionConsumer(
    pipelineProjection(topic, seen),
    consumingKafka(BROKERS, 'bench-projection'),
    projectionDb,
    {
      logger: quiet,
      log: await eventLogId(projectionDb),
      chunkSize: CHUNK,
      concurrency: CONCURRENCY,
      onJoined: (partitions) => (joined = partitions > 0),
      onCommitted: (outcome) => (parked += outcome.parked),
    },
  );
  await consumer.start();
  await until(() => joined, 60_000, 'the projection to join its consumer group');

  const relay = await startRelayThread({
    databaseUrl: BENCH_DATABASE_URL,
    brokers: BROKERS,
    name: 'bench-pipeline',
    batchSize: RELAY_BATCH,
    idleMs: RELAY_IDLE_MS,
  });

  const started = Date.now();
  const from = started + WARMUP_SECONDS * 1000;
  const to = from + SECONDS * 1000;
  const writing = writeInThread(BENCH_DATABASE_URL, {
    writers: WRITERS,
    streams: STREAMS,
    eventsPerAppend: EVENTS_PER_APPEND,
    rate: RATE,
    streamPrefix,
    until: to,
  });
  const progress = setInterval(() => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    console.error(
      `  ${elapsed} s: ${relay.relayed()} relayed, ${seen.count} through the projection`,
    );
  }, 5_000);
  const tally = await writing;
  const appended = tally.appendedAt.length;
  await until(() => seen.count >= appended, DRAIN_MS, 'the projection to drain').catch(
    (error: unknown) => console.error(String(error)),
  );
  const drainedMs = Math.max(0, (seen.committedAt.at(-1) ?? to) - to);
  clearInterval(progress);
  const relayed = await relay.stop();
  await consumer.stop();
  await projectionDb.end();

  const appendedRate = within(tally.appendedAt, from, to) / SECONDS;
  const projectedRate = within(seen.committedAt, from, to) / SECONDS;
  const slowest = slowestStep(seen.committedAt, from, to, 5_000);
  const measured = seen.lags.filter((_, i) => {
    const at = seen.occurredAt[i] ?? 0;
    return at >= from && at < to;
  });
  const lag = summarise(measured);

  console.error('measuring the raw baselines');
  const tps = await pgbenchInsertTps(BENCH_DATABASE_URL, 10);
  const kafkaRate = await rawKafkaConsumeRate(BROKERS, 200_000);
  const pgbench = { name: 'pgbench insert tps', value: tps };
  const kafka = { name: 'raw Kafka consume/s', value: kafkaRate };

  console.log(
    `\nevent pipeline: ${WRITERS} writers appending ${EVENTS_PER_APPEND} events at a time to ${STREAMS} streams, ` +
      `offered ${RATE > 0 ? `${RATE} events/s` : 'flat out'}, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up; ` +
      `relay batches of ${RELAY_BATCH}, projection chunks of ${CHUNK}, ${CONCURRENCY} partitions at once`,
  );
  reportBeside('appended', appendedRate, 'events/s', [pgbench]);
  reportBeside('through the projection', projectedRate, 'events/s', [pgbench, kafka]);
  reportBeside('through the projection, slowest 5 s', slowest, 'events/s', [pgbench, kafka]);
  report('projection lag p50', lag.p50, 'ms');
  report('projection lag p99', lag.p99, 'ms');
  report('projection lag max', lag.max, 'ms');
  const batchAge = summarise(relayed.batchAgesMs);
  report('relay: age of a batch at publish p50', batchAge.p50, 'ms');
  report('relay: age of a batch at publish p99', batchAge.p99, 'ms');
  report('events appended in all', appended, 'events');
  report('events projected in all', seen.count, 'events');
  report('drained after the writers stopped', drainedMs, 'ms');
  if (tally.conflicts > 0 || parked > 0)
    console.log(`unexpected: ${tally.conflicts} conflicts, ${parked} parked events`);
  const complete = seen.count === appended;
  console.log(
    complete && slowest >= 5_000 && lag.p99 < 250
      ? `PASS: ≥ 5,000 events/s sustained for ${SECONDS} s with lag p99 < 250 ms`
      : `FAIL: target is ≥ 5,000 events/s sustained for ${SECONDS} s with lag p99 < 250 ms, every event projected`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
