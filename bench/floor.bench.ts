import { fork } from 'node:child_process';
import path from 'node:path';
import { BENCH_DATABASE_URL, ROOT, createBenchDatabase } from './lib/bench-db';
import { closedLoop, slowestWindow, windowAfter } from './lib/closed-loop';
import { postgresPids, startCpuMeter } from './lib/cpu-meter';
import { HttpClient } from './lib/http-client';
import { createRawInsertTable, pgbenchInsertTps } from './lib/pgbench-baseline';
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

async function startServer() {
  const child = fork(path.join(ROOT, 'dist/bench/lib/floor-server.js'), [], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: BENCH_DATABASE_URL },
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return child;
}

async function main(): Promise<void> {
  await createBenchDatabase();
  await createRawInsertTable(BENCH_DATABASE_URL, 'bench_floor_command');
  const server = await startServer();
  const client = new HttpClient(`http://127.0.0.1:${PORT}`);
  const bill = { region: 'taibai-lake', scheme: 'resident', tier: 2, totalFen: 3_000_000 };
  try {
    const call = (path: string) => async (n: number) =>
      (await client.ask(path, '', { ...bill, streamId: `floor-${n}` })).status;

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
    server.kill('SIGTERM');
    const pgbench = {
      name: 'pgbench insert tps',
      value: await pgbenchInsertTps(BENCH_DATABASE_URL, 10),
    };

    const ok = run.measured.filter((s) => s.status === 201);
    const rate = ok.length / SECONDS;
    const times = summarise(ok.map((s) => s.ended - s.started));
    const perCommand = (seconds: number) => (seconds * 1000) / Math.max(1, run.measured.length);
    const allCpu = Object.values(cpu.parts).reduce((a, b) => a + b, 0);
    const echoTimes = summarise(echoes.measured.map((s) => s.ended - s.started));

    console.log(
      `\nthe floor of a command: node:http, one INSERT, an answer; ${CLIENTS} clients for ${SECONDS} s, then ${ECHO_CLIENTS} asking /echo for 10 s`,
    );
    report('commands/s answered 201', rate, '/s', pgbench);
    report(
      'commands/s, slowest 5 s',
      slowestWindow(
        ok.map((s) => s.ended),
        commands.from,
        commands.to,
        5_000,
      ),
      '/s',
      pgbench,
    );
    report('command p50', times.p50, 'ms');
    report('command p99', times.p99, 'ms');
    for (const [part, seconds] of Object.entries(cpu.parts))
      report(`CPU per command: ${part}`, perCommand(seconds), 'ms');
    report('CPU per command: all parts', perCommand(allCpu), 'ms');
    report('other work on the machine meanwhile', (cpu.machine - allCpu) / cpu.seconds, 'cores');
    report('ceiling on 2 idle cores at this CPU cost', 2000 / perCommand(allCpu), '/s');
    report('echo/s', echoes.measured.length / 10, '/s');
    report('echo p50', echoTimes.p50, 'ms');
    report('echo p99', echoTimes.p99, 'ms');
    report('echo max', echoTimes.max, 'ms');
  } finally {
    client.close();
    if (server.exitCode === null) server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
