import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { BENCH_DATABASE_URL, ROOT, createBenchDatabase } from './lib/bench-db';
import { type ClosedLoop, closedLoop, slowestWindow, windowAfter } from './lib/closed-loop';
import { type CpuUse, kafkaBrokerPids, postgresPids, startCpuMeter } from './lib/cpu-meter';
import { HttpClient } from './lib/http-client';
import { createRawInsertTable, pgbenchInsertTps } from './lib/pgbench-baseline';
import type { Baseline } from './lib/beside';
import { report, summarise } from './lib/stats';

/**
 * What this machine gives at best for one command, measured the way the other benches measure
 * the product: a raw node:http server doing one INSERT per request, driven by the same client.
 * The targets of the settlement and circle benches read against it.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('BENCH_CLIENTS', 48);
const SECONDS = env('BENCH_SECONDS', 15);
const ECHO_CLIENTS = env('BENCH_ECHO_CLIENTS', 4);
const PORT = env('BENCH_PORT', 4891);
// Read models one event feeds: a settlement three (benefit year, monthly report, notices), as a
// walk-in does (station queues, monthly report, notices); an enrollment five.
const PROJECTIONS = env('FLOOR_PROJECTIONS', 3);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** A part of the floor in a process of its own, once it says it is ready. */
async function startPart(script: string, extra: Record<string, string> = {}) {
  const child = fork(path.join(ROOT, `dist/bench/lib/${script}.js`), [], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: BENCH_DATABASE_URL, ...extra },
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

async function createTopic(): Promise<string> {
  const topic = `bench.floor.${randomUUID().slice(0, 8)}`;
  const admin = new Kafka({
    clientId: 'bench-floor',
    brokers: BROKERS,
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  return topic;
}

/**
 * The projection's lags (ms) of events appended in [from, to) (epoch ms), once it has drained:
 * appends have ended, so two empty answers in a row mean it has applied them all.
 */
async function lagsOf(projection: ChildProcess, from: number, to: number) {
  const lags: number[] = [];
  const deadline = Date.now() + 30_000;
  for (let empty = 0; empty < 2 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const applied = await new Promise<{ at: number; lag: number }[]>((resolve) => {
      projection.once('message', (m) => resolve(m as { at: number; lag: number }[]));
      projection.send('lags');
    });
    empty = applied.length === 0 ? empty + 1 : 0;
    for (const a of applied) if (a.at >= from && a.at < to) lags.push(a.lag);
  }
  return lags;
}

/**
 * The same commands, each row then carried the whole way a product's event goes: a raw relay
 * into Kafka and a raw projection out of it into a read model, each in a process of its own.
 */
async function pipelineFloor(server: ChildProcess, call: (n: number) => Promise<number>) {
  const topic = await createTopic();
  const relay = await startPart('floor-relay', { FLOOR_TOPIC: topic });
  const projection = await startPart('floor-projection', {
    FLOOR_TOPIC: topic,
    FLOOR_PROJECTIONS: String(PROJECTIONS),
  });
  try {
    await closedLoop(CLIENTS, windowAfter(0, 1_000), call);
    const commands = windowAfter(3_000, SECONDS * 1000);
    const meter = startCpuMeter({
      server: [server.pid ?? 0],
      relay: [relay.pid ?? 0],
      projection: [projection.pid ?? 0],
      kafka: kafkaBrokerPids(),
      postgres: await postgresPids(BENCH_DATABASE_URL),
    });
    const run = await closedLoop(CLIENTS, commands, call);
    const cpu = meter.stop();
    const epoch = (t: number) => performance.timeOrigin + t;
    // An append's time is its transaction's start, a little before the client saw the answer.
    const lags = await lagsOf(projection, epoch(commands.from), epoch(commands.to));
    return { run, cpu, lags };
  } finally {
    relay.kill('SIGTERM');
    projection.kill('SIGTERM');
  }
}

interface ServerFloor {
  readonly run: ClosedLoop;
  readonly cpu: CpuUse;
  readonly echoes: ClosedLoop;
}

/** Commands by `CLIENTS` with the server's CPU metered, then `/echo` by `ECHO_CLIENTS`. */
async function serverFloor(
  server: ChildProcess,
  call: (path: string) => (n: number) => Promise<number>,
): Promise<ServerFloor> {
  // The server's pool opens its connections on the first calls: they must exist to be metered.
  await closedLoop(CLIENTS, windowAfter(0, 1_000), call('/command'));
  const commands = windowAfter(3_000, SECONDS * 1000);
  const meter = startCpuMeter({
    server: [server.pid ?? 0],
    postgres: await postgresPids(BENCH_DATABASE_URL),
  });
  const run = await closedLoop(CLIENTS, commands, call('/command'));
  const cpu = meter.stop();
  const echoes = await closedLoop(ECHO_CLIENTS, windowAfter(2_000, 10_000), call('/echo'));
  return { run, cpu, echoes };
}

function reportThroughput(run: ClosedLoop, status: number, pgbench: Baseline) {
  const ok = run.measured.filter((s) => s.status === status);
  report(`commands/s answered ${status}`, ok.length / SECONDS, '/s', pgbench);
  const ends = ok.map((s) => s.ended);
  report('commands/s, slowest 5 s', slowestWindow(ends, run.from, run.to, 5_000), '/s', pgbench);
  return ok;
}

function reportCpu(run: ClosedLoop, cpu: CpuUse) {
  const perCommand = (seconds: number) => (seconds * 1000) / Math.max(1, run.measured.length);
  const all = Object.values(cpu.parts).reduce((a, b) => a + b, 0);
  for (const [part, seconds] of Object.entries(cpu.parts))
    report(`CPU per command: ${part}`, perCommand(seconds), 'ms');
  report('CPU per command: all parts', perCommand(all), 'ms');
  report('other work on the machine meanwhile', (cpu.machine - all) / cpu.seconds, 'cores');
  report('ceiling on 2 idle cores at this CPU cost', 2000 / perCommand(all), '/s');
}

function reportServerFloor(title: string, floor: ServerFloor, status: number, pgbench: Baseline) {
  console.log(
    `\n${title}; ${CLIENTS} clients for ${SECONDS} s, then ${ECHO_CLIENTS} asking /echo for 10 s`,
  );
  const ok = reportThroughput(floor.run, status, pgbench);
  const times = summarise(ok.map((s) => s.ended - s.started));
  report('command p50', times.p50, 'ms');
  report('command p99', times.p99, 'ms');
  reportCpu(floor.run, floor.cpu);
  const echoTimes = summarise(floor.echoes.measured.map((s) => s.ended - s.started));
  report('echo/s', floor.echoes.measured.length / 10, '/s');
  report('echo p50', echoTimes.p50, 'ms');
  report('echo p99', echoTimes.p99, 'ms');
  report('echo max', echoTimes.max, 'ms');
}

async function main(): Promise<void> {
  await createBenchDatabase();
  await createRawInsertTable(BENCH_DATABASE_URL, 'bench_floor_command');
  await createRawInsertTable(BENCH_DATABASE_URL, 'bench_floor_event');
  const client = new HttpClient(`http://127.0.0.1:${PORT}`);
  const bill = { region: 'taibai-lake', scheme: 'resident', tier: 2, totalFen: 3_000_000 };
  const call = (path: string) => async (n: number) =>
    (await client.ask(path, '', { ...bill, streamId: `floor-${n}` })).status;
  const servers: ChildProcess[] = [];
  try {
    const raw = await startPart('floor-server');
    servers.push(raw);
    const rawFloor = await serverFloor(raw, call);
    const pipeline = await pipelineFloor(raw, call('/event'));
    raw.kill('SIGTERM');
    const framework = await startPart('framework-floor-server');
    servers.push(framework);
    const frameworkFloor = await serverFloor(framework, call);
    framework.kill('SIGTERM');
    const pgbench = {
      name: 'pgbench insert tps',
      value: await pgbenchInsertTps(BENCH_DATABASE_URL, 10),
    };

    reportServerFloor(
      'the floor of a command: node:http, one INSERT, an answer',
      rawFloor,
      201,
      pgbench,
    );
    console.log(
      `\nthe floor of the pipeline: the same, each row read by a raw relay into Kafka and counted per stream by ${PROJECTIONS} raw projections (visible once all have it); ${CLIENTS} clients for ${SECONDS} s`,
    );
    const piped = reportThroughput(pipeline.run, 201, pgbench);
    const lags = summarise(pipeline.lags);
    report('projected of those appended', pipeline.lags.length / Math.max(1, piped.length), '');
    report('lag append → projection commit p50', lags.p50, 'ms');
    report('lag append → projection commit p99', lags.p99, 'ms');
    reportCpu(pipeline.run, pipeline.cpu);
    reportServerFloor(
      "the framework's floor: the first, on Nest and Fastify with the body validated into a class",
      frameworkFloor,
      201,
      pgbench,
    );
  } finally {
    client.close();
    for (const server of servers) if (server.exitCode === null) server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
