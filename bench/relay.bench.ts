import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Client, Pool } from 'pg';
import { EventStore, KafkaEventPublisher, OutboxRelay } from '@circle/event-store';
import { EVENT_EXAMPLES } from '../libs/settlement/src/events.examples';
import { BENCH_DATABASE_URL, prepareBenchDatabase } from './lib/bench-db';
import { reportBeside, type Baseline } from './lib/beside';
import { cpuSecondsOf, kafkaBrokerPids } from './lib/cpu-meter';
import { rawKafkaConsumeRate } from './lib/kafka-baseline';
import { pgbenchInsertTps } from './lib/pgbench-baseline';

/*
 * The outbox relay alone, at a settlement's size and a steady rate: what one event costs it, the
 * relay's own PostgreSQL session and the broker, for each pause between busy passes. A worker
 * thread appends the settlement example's event through the event store at BENCH_RATE a second,
 * each to a stream of its own as each person's year is; the product's OutboxRelay runs on the
 * main thread with its Kafka publisher, so the main thread's CPU is the relay's.
 */
const env = process.env;
const RATE = Number(env.BENCH_RATE ?? 600);
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(env.BENCH_WARMUP_SECONDS ?? 3);
const PAUSES = (env.BENCH_RELAY_BUSY_MS ?? '2,10').split(',').map(Number);
const BROKERS = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WriterJob {
  readonly databaseUrl: string;
  readonly rate: number;
  readonly seconds: number;
  readonly run: string;
}

/** Appends one settlement event a stream at `rate` a second, each when due, for `seconds`. */
async function write(job: WriterJob): Promise<void> {
  const settled = EVENT_EXAMPLES.find((e) => e.type === 'settlement.BillSettled');
  if (!settled) throw new Error('no settlement example');
  const pool = new Pool({ connectionString: job.databaseUrl, max: 8 });
  const store = new EventStore(pool);
  const meta = { correlationId: 'bench-relay', actor: 'clerk-hosp-2', stationId: 'hosp-2' };
  const started = Date.now();
  const pending = new Set<Promise<unknown>>();
  for (let i = 0; Date.now() - started < job.seconds * 1000; i++) {
    const wait = started + (i * 1000) / job.rate - Date.now();
    if (wait > 0) await sleep(wait);
    const appended = store.append(`benefit-year-bench-${job.run}-${i}`, 0, [settled], meta);
    pending.add(appended);
    void appended.finally(() => pending.delete(appended));
  }
  await Promise.all(pending);
  await pool.end();
  parentPort?.postMessage('done');
}

function writeInThread(job: WriterJob): Promise<void> {
  const worker = new Worker(__filename, { workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}

interface PauseFigures {
  readonly busyMs: number;
  readonly events: number;
  readonly passes: number;
  readonly relayMs: number;
  readonly sessionMs: number;
  readonly brokerMs: number;
}

async function measure(busyMs: number): Promise<PauseFigures> {
  const name = `bench-relay-${busyMs}-${Date.now().toString(36)}`;
  let relayed = 0;
  let passes = 0;
  const relay = new OutboxRelay({
    name,
    databaseUrl: BENCH_DATABASE_URL,
    publisher: new KafkaEventPublisher(BROKERS, 'bench-relay'),
    startAt: 'end',
    busyMs,
    metrics: {
      relayed: (_topic, count) => {
        relayed += count;
        passes += 1;
      },
      lag: () => undefined,
    },
    logger: { log: () => undefined, warn: console.warn, error: console.error },
  });
  relay.start();
  while (!relay.leading) await sleep(20);
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [`service-circle-relay-${name}`],
  );
  const session = `/proc/${rows[0]?.pid ?? 0}/stat`;
  const broker = `/proc/${kafkaBrokerPids()[0] ?? 0}/stat`;
  const main = `/proc/${process.pid}/task/${process.pid}/stat`;
  const writing = writeInThread({
    databaseUrl: BENCH_DATABASE_URL,
    rate: RATE,
    seconds: WARMUP_SECONDS + SECONDS + 1,
    run: name,
  });
  await sleep(WARMUP_SECONDS * 1000);
  const before = { relayed, passes, main: cpuSecondsOf(main), pg: cpuSecondsOf(session) };
  const brokerBefore = cpuSecondsOf(broker);
  await sleep(SECONDS * 1000);
  const events = relayed - before.relayed;
  const figures: PauseFigures = {
    busyMs,
    events,
    passes: passes - before.passes,
    relayMs: ((cpuSecondsOf(main) - before.main) * 1000) / events,
    sessionMs: ((cpuSecondsOf(session) - before.pg) * 1000) / events,
    brokerMs: ((cpuSecondsOf(broker) - brokerBefore) * 1000) / events,
  };
  await writing;
  await relay.stop();
  await db.query('DELETE FROM relay_checkpoint WHERE relay_name = $1', [name]);
  await db.end();
  return figures;
}

async function main(): Promise<void> {
  await prepareBenchDatabase();
  console.log(
    `relay: settlement events (${JSON.stringify(EVENT_EXAMPLES[0]?.data).length} bytes of JSON) ` +
      `appended at ${RATE}/s; ${SECONDS} s measured after ${WARMUP_SECONDS} s, for each pause`,
  );
  const results: PauseFigures[] = [];
  for (const busyMs of PAUSES) results.push(await measure(busyMs));
  const baselines: Baseline[] = [
    { name: 'pgbench insert tps', value: await pgbenchInsertTps(BENCH_DATABASE_URL, 10) },
    { name: 'raw Kafka consume/s', value: await rawKafkaConsumeRate(BROKERS, 200_000) },
  ];
  for (const r of results) {
    const all = r.relayMs + r.sessionMs + r.brokerMs;
    console.log(`busy pause ${r.busyMs} ms: ${r.events} events in ${r.passes} passes`);
    reportBeside('  events per pass', r.events / r.passes, '', []);
    reportBeside('  CPU per event: relay thread', r.relayMs * 1000, 'µs', []);
    reportBeside("  CPU per event: relay's PG session", r.sessionMs * 1000, 'µs', []);
    reportBeside('  CPU per event: broker, shared', r.brokerMs * 1000, 'µs', []);
    reportBeside('  CPU per event: all three', all * 1000, 'µs', []);
    reportBeside('  events/s relayed', r.events / SECONDS, '/s', baselines);
  }
}

if (isMainThread)
  void main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
else void write(workerData as WriterJob);
