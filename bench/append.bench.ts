import { Pool } from 'pg';
import { EventStore, type AppendQueueOptions } from '@circle/event-store';
import { EVENT_EXAMPLES } from '../libs/settlement/src/events.examples';
import { BENCH_DATABASE_URL, prepareBenchDatabase } from './lib/bench-db';
import { reportBeside } from './lib/beside';
import { postgresProcesses, startCpuMeter, BENCH_CLIENT } from './lib/cpu-meter';
import { openLoop } from './lib/open-loop';
import { windowAfter } from './lib/closed-loop';
import { pgbenchInsertTps } from './lib/pgbench-baseline';
import { summarise } from './lib/stats';

/*
 * The event store's append alone, as a hospital settles: one settlement event a year's stream,
 * the answer kept for its Idempotency-Key (the event's data stands for it: the same size), and
 * the person's stream checked unchanged. Offered at BENCH_RATE a second in an open loop, once
 * with appends sharing statements as the product does and once with each alone, so the two
 * can be read side by side: PostgreSQL's CPU (its backends and WAL writer) and this process's
 * per append, and each append's time.
 */
const env = process.env;
const RATE = Number(env.BENCH_RATE ?? 1000);
const SECONDS = Number(env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(env.BENCH_WARMUP_SECONDS ?? 2);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);

const MODES: Record<string, AppendQueueOptions> = {
  'shared (as the product)': {},
  alone: { statements: 64, perStatement: 1 },
};

async function measure(label: string, appends: AppendQueueOptions) {
  const settled = EVENT_EXAMPLES.find((e) => e.type === 'settlement.BillSettled');
  if (!settled) throw new Error('no settlement example');
  const pool = new Pool({ connectionString: BENCH_DATABASE_URL, max: 10, min: 2 });
  const store = new EventStore(pool, undefined, { appends });
  const window = windowAfter(WARMUP_SECONDS * 1000, SECONDS * 1000);
  const run = `${Date.now().toString(36)}-${label.length}`;
  const meta = { correlationId: 'bench-append', actor: 'clerk-hosp-2', stationId: 'hosp-2' };
  let next = 0;
  const transactions = new Set<bigint>();
  const append = async () => {
    const i = next++;
    const appended = await store.append(`benefit-year-bench-${run}-${i}`, 0, [settled], meta, {
      answers: [
        {
          request: { scope: `bench ${run}`, key: String(i), fingerprint: 'f' },
          answer: { status: 201, body: settled.data },
        },
      ],
      unchanged: [{ streamId: `insured-person-bench-${run}-${i}`, version: 0 }],
    });
    const at = performance.now();
    if (at >= window.from && at < window.to) transactions.add(appended.events[0]!.transactionId);
    return 201;
  };
  const metering = (async () => {
    await new Promise((r) => setTimeout(r, window.from - performance.now()));
    const meter = startCpuMeter({ postgres: postgresProcesses(BENCH_DATABASE_URL) });
    await new Promise((r) => setTimeout(r, window.to - performance.now()));
    return meter.stop();
  })();
  const loop = await openLoop(RATE, window, append);
  const cpu = await metering;
  await pool.end();
  const count = loop.measured.length;
  const times = summarise(loop.measured.map((c) => c.ended - c.started));
  const perAppend = (seconds: number) => (seconds * 1e6 * (SECONDS / cpu.seconds)) / count;
  return {
    label,
    count,
    perStatement: count / transactions.size,
    postgres: perAppend(cpu.parts.postgres ?? 0),
    writer: perAppend(cpu.parts[BENCH_CLIENT] ?? 0),
    p50: times.p50,
    p99: times.p99,
  };
}

async function main(): Promise<void> {
  await prepareBenchDatabase();
  console.log(
    `append: a settlement event and its kept answer, ${RATE}/s offered, ${SECONDS} s measured ` +
      `after ${WARMUP_SECONDS} s, ${ROUNDS} rounds of each way in turn`,
  );
  const results = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const [label, options] of Object.entries(MODES))
      results.push(await measure(label, options));
  const pgbench = {
    name: 'pgbench insert tps',
    value: await pgbenchInsertTps(BENCH_DATABASE_URL, 10),
  };
  for (const r of results) {
    console.log(`${r.label}: ${r.count} appends`);
    reportBeside('  appends per statement', r.perStatement, '', []);
    reportBeside('  CPU per append: postgres', r.postgres, 'µs', []);
    reportBeside('  CPU per append: the appending process', r.writer, 'µs', []);
    reportBeside('  append p50', r.p50, 'ms', []);
    reportBeside('  append p99', r.p99, 'ms', []);
    reportBeside('  appends/s', r.count / SECONDS, '/s', [pgbench]);
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
