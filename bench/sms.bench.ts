import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { eventLogId } from '@circle/event-store';
import { BENCH_DATABASE_URL, ROOT, prepareBenchDatabase } from './lib/bench-db';
import { reportBeside } from './lib/beside';
import {
  BENCH_CLIENT,
  cpuSeconds,
  kafkaBrokerPids,
  postgresProcesses,
  processesMatching,
  startCpuMeter,
  type CpuGroups,
  type CpuUse,
} from './lib/cpu-meter';
import { rawBullmq, type BullmqBaseline } from './lib/bullmq-baseline';
import { SmsFeed } from './lib/sms-feed';
import { summarise } from './lib/stats';

const env = process.env;
const RATE = Number(env.BENCH_RATE ?? 2_400);
const BURST = Number(env.BENCH_BURST ?? 30_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 20);
const WARMUP = Number(env.BENCH_WARMUP_EVENTS ?? 2_000);
const CONCURRENCY = Number(env.BENCH_SMS_CONCURRENCY ?? 512);
const NOTIFIERS = Number(env.BENCH_NOTIFIERS ?? 1);
const PORT = Number(env.BENCH_PORT ?? 4702);
const BROKERS = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGET_PER_SECOND = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The compiled notifier, as `main` starts it, reading the bench's topic into the sandbox. */
interface NotifierChild {
  readonly pid: number;
  stop(): Promise<void>;
}

async function startNotifier(topic: string, port: number): Promise<NotifierChild> {
  const child = spawn(
    process.execPath,
    [
      ...(env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      './scripts/paths.js',
      'dist/apps/notifier/src/main.js',
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        PORT: String(port),
        DATABASE_URL: BENCH_DATABASE_URL,
        REDIS_URL,
        KAFKA_BROKERS: BROKERS.join(','),
        JWT_SECRET: 'bench-secret-0123456789',
        LOG_LEVEL: 'warn',
        SMS_TOPICS: topic,
        SMS_RATE_PER_SECOND: '0',
        SMS_CONCURRENCY: String(CONCURRENCY),
      },
      stdio: 'inherit',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/metrics`)).ok)
        return {
          pid: child.pid ?? 0,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
    } catch {
      await sleep(200);
    }
  }
  child.kill('SIGKILL');
  throw new Error('the notifier did not start');
}

async function received(db: Client, ids: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM sms_sandbox_message WHERE message_id = ANY($1)',
    [ids],
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitForAll(db: Client, ids: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await received(db, ids)) < ids.length) {
    if (Date.now() > deadline)
      throw new Error(`only ${await received(db, ids)} of ${ids.length} arrived`);
    await sleep(250);
  }
}

/** Offers RATE events a second for SECONDS, in tenth-of-a-second batches, as the relay would. */
async function offer(feed: SmsFeed): Promise<{ ids: string[]; from: number; to: number }> {
  const ids: string[] = [];
  const from = Date.now();
  const perTick = Math.round(RATE / 10);
  for (let tick = 0; tick < SECONDS * 10; tick++) {
    ids.push(...(await feed.produce(perTick)));
    const next = from + (tick + 1) * 100;
    if (next > Date.now()) await sleep(next - Date.now());
  }
  return { ids, from, to: Date.now() };
}

interface Timing {
  event_ms: string;
  queued_ms: string;
  attempted_ms: string;
  received_ms: string;
}

/** Per message: event → queued (consumer), queued → attempt (BullMQ), attempt → sandbox. */
async function timings(db: Client, ids: readonly string[]) {
  const { rows } = await db.query<Timing>(
    `SELECT extract(epoch FROM m.event_at) * 1000 AS event_ms,
            extract(epoch FROM m.queued_at) * 1000 AS queued_ms,
            extract(epoch FROM m.attempted_at) * 1000 AS attempted_ms,
            extract(epoch FROM s.received_at) * 1000 AS received_ms
     FROM sms_message m JOIN sms_sandbox_message s USING (message_id)
     WHERE m.message_id = ANY($1)`,
    [ids],
  );
  const at = (r: Timing, k: keyof Timing) => Number(r[k]);
  const { rows: calls } = await db.query<{ twice: string }>(
    'SELECT count(*) FILTER (WHERE calls > 1) AS twice FROM sms_sandbox_message WHERE message_id = ANY($1)',
    [ids],
  );
  return {
    received: rows.map((r) => at(r, 'received_ms')).sort((a, b) => a - b),
    latency: summarise(rows.map((r) => at(r, 'received_ms') - at(r, 'event_ms'))),
    toQueue: summarise(rows.map((r) => at(r, 'queued_ms') - at(r, 'event_ms'))),
    inQueue: summarise(rows.map((r) => at(r, 'attempted_ms') - at(r, 'queued_ms'))),
    toSandbox: summarise(rows.map((r) => at(r, 'received_ms') - at(r, 'attempted_ms'))),
    twice: Number(calls[0]?.twice ?? 0),
  };
}

function cpuGroups(notifierPids: readonly number[]): CpuGroups {
  return {
    notifier: notifierPids,
    postgres: postgresProcesses(BENCH_DATABASE_URL),
    redis: redisPids(),
    kafka: kafkaBrokerPids(),
  };
}

const redisPids = (): number[] => processesMatching(/^redis-server/);

/** CPU per message, which the shared machine's load sways far less than the rates do. */
function reportCpu(messages: number, notifier: CpuUse, jobs: number, raw: CpuUse): void {
  const us = (seconds: number, n: number) => (seconds * 1_000_000) / n;
  const part = (use: CpuUse, name: string) => use.parts[name] ?? 0;
  console.log('CPU per message (user + system), sustained run and raw BullMQ burst');
  reportBeside('  notifier processes', us(part(notifier, 'notifier'), messages), 'µs/SMS', [
    { name: 'raw BullMQ client µs/job', value: us(part(raw, BENCH_CLIENT), jobs) },
  ]);
  reportBeside('  redis', us(part(notifier, 'redis'), messages), 'µs/SMS', [
    { name: 'raw BullMQ redis µs/job', value: us(part(raw, 'redis'), jobs) },
  ]);
  reportBeside('  postgres', us(part(notifier, 'postgres'), messages), 'µs/SMS', []);
  reportBeside('  kafka', us(part(notifier, 'kafka'), messages), 'µs/SMS', []);
  const others = notifier.machine - cpuSeconds(notifier);
  reportBeside('  the rest of the machine (others)', others / notifier.seconds, 'cores', []);
}

interface Run {
  readonly ids: string[];
  readonly from: number;
  readonly to: number;
}

/** Offered at RATE a second, as the relay would; the notifier should keep up. */
async function sustained(db: Client, feed: SmsFeed): Promise<Run> {
  const run = await offer(feed);
  await waitForAll(db, run.ids, 180_000);
  return run;
}

/** BURST events at once: how fast the notifier drains a backlog. */
async function burst(db: Client, feed: SmsFeed): Promise<Run> {
  const from = Date.now();
  const ids: string[] = [];
  for (let sent = 0; sent < BURST; sent += 5_000)
    ids.push(...(await feed.produce(Math.min(5_000, BURST - sent))));
  await waitForAll(db, ids, 180_000);
  return { ids, from, to: Date.now() };
}

/** Messages over the time from the first receipt to the last. */
async function throughputOf(db: Client, run: Run): Promise<number> {
  const { received } = await timings(db, run.ids);
  const spanMs = (received.at(-1) ?? run.to) - (received[0] ?? run.from);
  return ((run.ids.length - 1) / Math.max(spanMs, 1)) * 1_000;
}

async function report(
  db: Client,
  steady: Run,
  drained: Run,
  raw: { capacity: BullmqBaseline; atRate: BullmqBaseline },
) {
  const t = await timings(db, steady.ids);
  const through = await throughputOf(db, steady);
  const drain = await throughputOf(db, drained);
  const twice = t.twice + (await timings(db, drained.ids)).twice;
  console.log(
    `\n${NOTIFIERS} notifier process(es), concurrency ${CONCURRENCY} each, sandbox provider`,
  );
  console.log(`sustained: ${steady.ids.length} events offered at ${RATE}/s for ${SECONDS} s`);
  reportBeside('  SMS through the notifier/s', through, 'SMS/s', []);
  reportBeside('  event → sandbox p50', t.latency.p50, 'ms', []);
  reportBeside('  event → sandbox p99', t.latency.p99, 'ms', [
    { name: 'raw BullMQ add→process p99 ms', value: raw.atRate.p99Ms },
  ]);
  reportBeside('  event → sandbox max', t.latency.max, 'ms', []);
  reportBeside('    event → queued p50 / p99', t.toQueue.p50, `ms / ${t.toQueue.p99} ms`, []);
  reportBeside('    queued → attempt p50 / p99', t.inQueue.p50, `ms / ${t.inQueue.p99} ms`, []);
  reportBeside(
    '    attempt → sandbox p50 / p99',
    t.toSandbox.p50,
    `ms / ${t.toSandbox.p99} ms`,
    [],
  );
  console.log(`burst: ${drained.ids.length} events at once`);
  reportBeside('  SMS through the notifier/s', drain, 'SMS/s', [
    { name: 'raw BullMQ/s', value: raw.capacity.perSecond },
  ]);
  console.log(`raw BullMQ, one worker of concurrency ${CONCURRENCY * NOTIFIERS}, no work per job`);
  reportBeside(`  add → process p99 at ${RATE}/s`, raw.atRate.p99Ms, 'ms', []);
  reportBeside(`  ${BURST} jobs at once`, raw.capacity.perSecond, 'jobs/s', []);
  console.log(`provider called twice for ${twice} message(s)`);
  const pass = through >= TARGET_PER_SECOND && twice === 0;
  console.log(
    `${pass ? 'PASS' : 'FAIL'} ≥ ${TARGET_PER_SECOND} SMS/s sustained from Kafka event to the sandbox, none twice`,
  );
}

/**
 * Business events on Kafka to the sandbox's receipt, through the notifier as it runs in
 * production (consumer, PostgreSQL record, BullMQ, worker, claim, provider, record), beside a
 * raw BullMQ add-and-process loop on the same Redis measured in the same run.
 */
async function main(): Promise<void> {
  await prepareBenchDatabase(true);
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  const feed = await SmsFeed.create(BROKERS, await eventLogId(db));
  // Notifiers scale out: processes share the consumer group, the BullMQ queue and the records.
  const notifiers = await Promise.all(
    Array.from({ length: NOTIFIERS }, (_, i) => startNotifier(feed.topic, PORT + i)),
  );
  const stop = () => Promise.all(notifiers.map((n) => n.stop())).then(() => undefined);
  try {
    await waitForAll(db, await feed.produce(WARMUP), 60_000);
    const groups = cpuGroups(notifiers.map((n) => n.pid));
    const steadyCpu = startCpuMeter(groups);
    const steady = await sustained(db, feed);
    const steadyUse = steadyCpu.stop();
    const drained = await burst(db, feed);
    await stop();
    const options = { concurrency: CONCURRENCY * NOTIFIERS };
    const atRate = await rawBullmq(REDIS_URL, { ...options, count: RATE * 10, rate: RATE });
    const rawCpu = startCpuMeter(groups);
    const capacity = await rawBullmq(REDIS_URL, { ...options, count: BURST, rate: 0 });
    const rawUse = rawCpu.stop();
    await report(db, steady, drained, { capacity, atRate });
    reportCpu(steady.ids.length, steadyUse, BURST, rawUse);
  } finally {
    await stop().catch(() => undefined);
    await feed.close();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
