import { Client } from 'pg';
import { eventCountByStream, rebuildProjection } from '@circle/projections';
import { createProjectionPool } from '../libs/projections/src/store/database';
import { BENCH_DATABASE_URL, prepareBenchDatabase } from './lib/bench-db';
import { type Baseline, reportBeside } from './lib/beside';
import { type RawRead, keysetRead, loadEvents, serverCopy } from './lib/bulk-events';
import { report } from './lib/stats';

const env = process.env;
const EVENTS = Number(env.BENCH_EVENTS ?? 1_000_000);
const STREAMS = Number(env.BENCH_STREAMS ?? 10_000);
const PAGE = env.BENCH_REBUILD_PAGE ? Number(env.BENCH_REBUILD_PAGE) : undefined;
const LANES = env.BENCH_REBUILD_LANES ? Number(env.BENCH_REBUILD_LANES) : undefined;
// The rebuild reads 3,000 events a page unless told otherwise; the raw read pages alike.
const RAW_PAGE = PAGE ?? 3_000;

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

/** Before and after the rebuild, so load from other work on the machine weighs on both sides. */
const mean = (a: RawRead, b: RawRead): number => (a.rowsPerSecond + b.rowsPerSecond) / 2;

/**
 * A million stored events, then the library's own rebuild of the event count projection into
 * its shadow table and the swap, exactly as `npm run rebuild -- event_count_by_stream` runs it,
 * beside two raw reads of the same rows in the same order.
 */
async function main(): Promise<void> {
  await prepareBenchDatabase(true);
  const loading = performance.now();
  await loadEvents(BENCH_DATABASE_URL, EVENTS, STREAMS, (loaded) =>
    console.error(`  loaded ${loaded.toLocaleString('en')} events`),
  );
  const loadSeconds = (performance.now() - loading) / 1000;
  const stored = await scalar('SELECT count(*) AS n FROM events');

  const readBefore = await keysetRead(BENCH_DATABASE_URL, RAW_PAGE);
  const copyBefore = await serverCopy(BENCH_DATABASE_URL);

  const db = createProjectionPool(BENCH_DATABASE_URL, 'bench-rebuild', 5);
  let lastPrinted = 0;
  const rebuilt = await rebuildProjection(db, eventCountByStream(), {
    pageSize: PAGE,
    lanes: LANES,
    onProgress: ({ done, elapsedMs }) => {
      if (elapsedMs - lastPrinted < 5_000) return;
      lastPrinted = elapsedMs;
      console.error(`  rebuilt ${done.toLocaleString('en')} events in ${elapsedMs} ms`);
    },
  }).finally(() => db.end());

  const readAfter = await keysetRead(BENCH_DATABASE_URL, RAW_PAGE);
  const copyAfter = await serverCopy(BENCH_DATABASE_URL);
  const counted = await scalar('SELECT sum(events) AS n FROM event_count_by_stream');

  const read: Baseline = { name: 'keyset read rows/s', value: mean(readBefore, readAfter) };
  const copy: Baseline = { name: 'server COPY rows/s', value: mean(copyBefore, copyAfter) };
  console.log(
    `\nrebuild of event_count_by_stream from ${stored.toLocaleString('en')} stored events ` +
      `(${EVENTS.toLocaleString('en')} loaded in ${loadSeconds.toFixed(0)} s over ${STREAMS} streams)`,
  );
  reportBeside('rebuild', rebuilt.eventsPerSecond, 'events/s', [read, copy]);
  report('rebuild time', rebuilt.elapsedMs / 1000, 's');
  reportBeside('raw keyset read (node-postgres, paged)', read.value, 'rows/s', [copy]);
  report('raw server-side COPY to /dev/null', copy.value, 'rows/s');
  report('events replayed', rebuilt.events, 'events');
  report('events counted by the rebuilt model', counted, 'events');
  const complete = rebuilt.events === stored && counted === stored && rebuilt.parked === 0;
  console.log(
    complete && rebuilt.eventsPerSecond >= 30_000
      ? 'PASS: rebuild ≥ 30,000 events/s, every stored event counted once'
      : 'FAIL: target is a rebuild of ≥ 30,000 events/s counting every stored event once',
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
