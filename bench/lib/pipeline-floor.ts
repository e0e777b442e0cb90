import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { BENCH_DATABASE_URL, ROOT } from './bench-db';
import { type LoadRun, closedLoop, slowestWindow, windowAfter } from './closed-loop';
import { type CpuUse, kafkaBrokerPids, postgresProcesses, startCpuMeter } from './cpu-meter';
import { HttpClient } from './http-client';
import { createRawInsertTable } from './pgbench-baseline';
import { summarise } from './stats';

/**
 * The floor of the pipeline: what raw code costs on the path the product's commands take. A
 * raw server appends each command as a row (floor-server), a raw relay carries the rows into
 * Kafka (floor-relay) and raw projections count them per stream out of it (floor-projection),
 * each part in a process of its own. The benches read their targets against it.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
export const FLOOR_PORT = env('BENCH_PORT', 4891);
// Read models one event feeds: a settlement three (benefit year, monthly report, notices), as a
// walk-in does (station queues, monthly report, notices); an enrollment five.
export const FLOOR_PROJECTIONS = env('FLOOR_PROJECTIONS', 3);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export interface PipelineFloor {
  readonly run: LoadRun;
  readonly cpu: CpuUse;
  /** Append → last projection's commit, ms, for every event appended in the window. */
  readonly lags: number[];
}

/** A command as the floor's client sends it: a bill's few fields and the stream it goes to. */
export function floorCaller(client: HttpClient) {
  const bill = { region: 'taibai-lake', scheme: 'resident', tier: 2, totalFen: 3_000_000 };
  return (route: string) => async (n: number) =>
    (await client.ask(route, '', { ...bill, streamId: `floor-${n}` })).status;
}

/** A part of the floor in a process of its own, once it says it is ready. */
export async function startFloorPart(script: string, extra: Record<string, string> = {}) {
  const child = fork(path.join(ROOT, `dist/bench/lib/${script}.js`), [], {
    env: { ...process.env, PORT: String(FLOOR_PORT), DATABASE_URL: BENCH_DATABASE_URL, ...extra },
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
export async function pipelineFloor(
  server: ChildProcess,
  call: (n: number) => Promise<number>,
  clients: number,
  seconds: number,
): Promise<PipelineFloor> {
  const topic = await createTopic();
  const relay = await startFloorPart('floor-relay', { FLOOR_TOPIC: topic });
  const projection = await startFloorPart('floor-projection', {
    FLOOR_TOPIC: topic,
    FLOOR_PROJECTIONS: String(FLOOR_PROJECTIONS),
  });
  try {
    await closedLoop(clients, windowAfter(0, 1_000), call);
    const commands = windowAfter(3_000, seconds * 1000);
    const meter = startCpuMeter({
      server: [server.pid ?? 0],
      relay: [relay.pid ?? 0],
      projection: [projection.pid ?? 0],
      kafka: kafkaBrokerPids(),
      postgres: postgresProcesses(BENCH_DATABASE_URL),
    });
    const run = await closedLoop(clients, commands, call);
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

/**
 * The pipeline's floor on its own: the raw server started, the pipeline driven, all stopped.
 * `/settle` reads the log before each append, as a settlement must.
 */
export async function measurePipelineFloor(
  clients: number,
  seconds: number,
  route: '/event' | '/settle' = '/event',
) {
  await createRawInsertTable(BENCH_DATABASE_URL, 'bench_floor_event');
  const server = await startFloorPart('floor-server');
  const client = new HttpClient(`http://127.0.0.1:${FLOOR_PORT}`);
  try {
    return pipelineFigures(
      await pipelineFloor(server, floorCaller(client)(route), clients, seconds),
    );
  } finally {
    client.close();
    server.kill('SIGTERM');
  }
}

/** Commands/s (whole window and slowest 5 s) and lags of a pipeline floor run. */
export function pipelineFigures(floor: PipelineFloor) {
  const ok = floor.run.measured.filter((s) => s.status === 201);
  const seconds = (floor.run.to - floor.run.from) / 1000;
  return {
    ...floor,
    ok,
    rate: ok.length / seconds,
    slowest: slowestWindow(
      ok.map((s) => s.ended),
      floor.run.from,
      floor.run.to,
      5_000,
    ),
    lag: summarise(floor.lags),
  };
}
