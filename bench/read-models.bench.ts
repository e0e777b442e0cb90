import { Client } from 'pg';
import { coverageProjection } from '@circle/enrollment';
import { rebuildProjection, type Projection } from '@circle/projections';
import { walkinsQueueProjection } from '@circle/walkins';
import { createProjectionPool } from '../libs/projections/src/store/database';
import { BENCH_DATABASE_URL, prepareBenchDatabase } from './lib/bench-db';
import { type Baseline, reportBeside } from './lib/beside';
import { keysetRead } from './lib/bulk-events';
import { loadEnrolments, loadTicketDays } from './lib/business-log';

const env = process.env;
const TICKETS = Number(env.BENCH_TICKETS ?? 50_000);
const RESIDENTS = Number(env.BENCH_RESIDENTS ?? 50_000);
const PAGE = env.BENCH_REBUILD_PAGE ? Number(env.BENCH_REBUILD_PAGE) : undefined;

async function scalar(sql: string): Promise<number> {
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string | null }>(sql);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await db.end();
  }
}

async function rebuild(projection: Projection, expectRows: string, expected: number) {
  const db = createProjectionPool(BENCH_DATABASE_URL, 'bench-read-models', 5);
  const report = await rebuildProjection(db, projection, { pageSize: PAGE }).finally(() =>
    db.end(),
  );
  const rows = await scalar(expectRows);
  return { ...report, complete: rows === expected && report.parked === 0 };
}

/**
 * The walk-in queue and enrollment coverage read models rebuilt from a log of whole tickets
 * (issued, called, started, completed) and whole enrolments (enrolled, assessed, paid,
 * covered): the projections' own apply path, chunk by chunk, beside a raw read of the log.
 */
async function main(): Promise<void> {
  await prepareBenchDatabase(true);
  const tickets = await loadTicketDays(BENCH_DATABASE_URL, TICKETS);
  await loadEnrolments(BENCH_DATABASE_URL, RESIDENTS);
  await scalar('VACUUM (ANALYZE) events');
  const stored = await scalar('SELECT count(*) AS n FROM events');
  const read: Baseline = {
    name: 'keyset read rows/s',
    value: (await keysetRead(BENCH_DATABASE_URL, PAGE ?? 3_000)).rowsPerSecond,
  };
  console.log(
    `\n${stored.toLocaleString('en')} stored events, ${tickets} tickets, ${RESIDENTS} residents`,
  );
  const queue = await rebuild(
    walkinsQueueProjection(),
    `SELECT count(*) AS n FROM walkins_ticket WHERE status = 'done' AND clerk IS NOT NULL`,
    tickets,
  );
  const served = tickets * 4;
  reportBeside('walk-in queue rebuild', (served / queue.elapsedMs) * 1000, 'events/s', [read]);
  const coverage = await rebuild(
    coverageProjection(),
    'SELECT count(*) AS n FROM enrollment_coverage WHERE active AND paid_fen = 38000',
    RESIDENTS,
  );
  const enrolled = RESIDENTS * 4;
  reportBeside('enrollment coverage rebuild', (enrolled / coverage.elapsedMs) * 1000, 'events/s', [
    read,
  ]);
  console.log(
    queue.complete && coverage.complete
      ? 'PASS: every ticket and every resident rebuilt as the log says'
      : 'FAIL: a rebuilt read model differs from the log',
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
