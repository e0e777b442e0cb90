import type { ChildProcess } from 'node:child_process';
import type { Baseline } from './lib/beside';
import { BENCH_DATABASE_URL, createBenchDatabase } from './lib/bench-db';
import { type LoadRun, closedLoop, slowestWindow, windowAfter } from './lib/closed-loop';
import { reportCeiling, reportCpuPerAnswer } from './lib/cpu-budget';
import { type CpuUse, postgresProcesses, startCpuMeter } from './lib/cpu-meter';
import { HttpClient } from './lib/http-client';
import { createRawInsertTable, pgbenchInsertTps } from './lib/pgbench-baseline';
import { socketCost } from './lib/socket-cost';
import {
  FLOOR_PORT,
  FLOOR_PROJECTIONS,
  floorCaller,
  pipelineFigures,
  pipelineFloor,
  startFloorPart,
} from './lib/pipeline-floor';
import { report, summarise } from './lib/stats';

/**
 * What this machine gives at best, measured the way the other benches measure the product:
 * a raw node:http server doing one INSERT per request; the same carried through Kafka into
 * read models by raw code (pipeline-floor); the server's routes on the framework. The targets
 * of the settlement and circle benches read against them.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('BENCH_CLIENTS', 48);
const SECONDS = env('BENCH_SECONDS', 15);
const ECHO_CLIENTS = env('BENCH_ECHO_CLIENTS', 4);

interface ServerFloor {
  readonly run: LoadRun;
  readonly cpu: CpuUse;
  readonly echoes: LoadRun;
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
    postgres: postgresProcesses(BENCH_DATABASE_URL),
  });
  const run = await closedLoop(CLIENTS, commands, call('/command'));
  const cpu = meter.stop();
  const echoes = await closedLoop(ECHO_CLIENTS, windowAfter(2_000, 10_000), call('/echo'));
  return { run, cpu, echoes };
}

function reportThroughput(run: LoadRun, status: number, pgbench: Baseline) {
  const ok = run.measured.filter((s) => s.status === status);
  report(`commands/s answered ${status}`, ok.length / SECONDS, '/s', pgbench);
  const ends = ok.map((s) => s.ended);
  report('commands/s, slowest 5 s', slowestWindow(ends, run.from, run.to, 5_000), '/s', pgbench);
  return ok;
}

function reportCpu(run: LoadRun, cpu: CpuUse) {
  reportCeiling(reportCpuPerAnswer('command', cpu, Math.max(1, run.measured.length)).all);
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
  const client = new HttpClient(`http://127.0.0.1:${FLOOR_PORT}`);
  const call = floorCaller(client);
  const servers: ChildProcess[] = [];
  try {
    const raw = await startFloorPart('floor-server');
    servers.push(raw);
    const rawFloor = await serverFloor(raw, call);
    const pipeline = pipelineFigures(await pipelineFloor(raw, call('/event'), CLIENTS, SECONDS));
    raw.kill('SIGTERM');
    const framework = await startFloorPart('framework-floor-server');
    servers.push(framework);
    const frameworkFloor = await serverFloor(framework, call);
    framework.kill('SIGTERM');
    const pgbench = {
      name: 'pgbench insert tps',
      value: await pgbenchInsertTps(BENCH_DATABASE_URL, 10),
    };
    const socket = await socketCost();

    reportServerFloor(
      'the floor of a command: node:http, one INSERT, an answer',
      rawFloor,
      201,
      pgbench,
    );
    console.log(
      `\nthe floor of the pipeline: the same, each row read by a raw relay into Kafka and counted per stream by ${FLOOR_PROJECTIONS} raw projections (visible once all have it); ${CLIENTS} clients for ${SECONDS} s`,
    );
    reportThroughput(pipeline.run, 201, pgbench);
    report(
      'projected of those appended',
      pipeline.lags.length / Math.max(1, pipeline.ok.length),
      '',
    );
    report('lag append → projection commit p50', pipeline.lag.p50, 'ms');
    report('lag append → projection commit p99', pipeline.lag.p99, 'ms');
    reportCpu(pipeline.run, pipeline.cpu);
    reportServerFloor(
      "the framework's floor: the first, on Nest and Fastify with the body validated into a class",
      frameworkFloor,
      201,
      pgbench,
    );
    console.log('\nwhat a message between two processes costs here (loopback TCP, 100 bytes)');
    report('a write, waiting for nothing: CPU of the writer', socket.writeCpuUs, 'µs');
    report('a round trip: CPU of the asker', socket.roundTripCpuUs, 'µs');
    report('a round trip: wall time', socket.roundTripUs, 'µs');
  } finally {
    client.close();
    for (const server of servers) if (server.exitCode === null) server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
