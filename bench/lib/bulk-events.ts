import { Client } from 'pg';
import { EVENT_COLUMNS } from '@circle/event-store';
import { BENCH_EVENT_TYPE } from './pipeline-projection';

const CHUNK = 100_000;

/**
 * Fills the log with `count` kiosk-like events spread evenly over `streams` streams, in chunks
 * of one statement each. Every chunk is its own transaction and takes the next transaction id,
 * so stream versions grow with (transaction id, position) exactly as appends would leave them;
 * `transaction_id` and `global_position` keep their defaults. The append-only trigger guards
 * UPDATE, DELETE and TRUNCATE, never INSERT.
 */
export async function loadEvents(
  databaseUrl: string,
  count: number,
  streams: number,
  onChunk?: (loaded: number) => void,
): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Losing the tail of a bench load in a crash costs nothing; waiting on each flush does.
    await db.query('SET synchronous_commit = off');
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await db.query(
        `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version,
                             data, metadata, occurred_at)
         SELECT 'bench-rebuild-' || ((i - 1) % $3), (i - 1) / $3 + 1, gen_random_uuid(), $4, 1,
                jsonb_build_object(
                  'ticketId', 'bench-rebuild-' || ((i - 1) % $3) || '-' || ((i - 1) / $3 + 1),
                  'number', 'C' || lpad((i % 1000)::text, 3, '0'),
                  'business', (ARRAY['ENROLL_RESIDENT', 'COVERAGE_ENQUIRY', 'CLAIM_SUBMISSION',
                                     'CARD_REPLACEMENT'])[i % 4 + 1],
                  'priority', CASE WHEN i % 17 = 0 THEN 'elderly' ELSE 'regular' END,
                  'channel', CASE WHEN i % 5 = 0 THEN 'mini-program' ELSE 'kiosk' END,
                  'residentRef', gen_random_uuid(),
                  'issuedAt', now() - make_interval(secs => ($5 - i) / 100.0),
                  'estimatedWaitMinutes', i % 25),
                jsonb_build_object('correlationId', gen_random_uuid(),
                                   'actor', 'bench-kiosk-' || i % 8,
                                   'stationId', 'town-' || i % 4 + 1),
                now() - make_interval(secs => ($5 - i) / 100.0)
         FROM generate_series($1::int, $2::int) AS i`,
        [from, to, streams, BENCH_EVENT_TYPE, count],
      );
      onChunk?.(to);
    }
    // A log that has lived for a while is vacuumed and has statistics; a fresh load has neither.
    await db.query('VACUUM (ANALYZE) events');
  } finally {
    await db.end();
  }
}

export interface RawRead {
  readonly rows: number;
  readonly rowsPerSecond: number;
}

/**
 * The whole log in commit order, page by page as a rebuild reads it, each row parsed into a
 * JavaScript object by node-postgres, and nothing else done with it.
 */
export async function keysetRead(databaseUrl: string, pageSize: number): Promise<RawRead> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    let rows = 0;
    let after = { transactionId: '0', position: '0' };
    for (;;) {
      const page = await db.query<{ transaction_id: string; global_position: string }>(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         ORDER BY transaction_id, global_position LIMIT $3`,
        [after.transactionId, after.position, pageSize],
      );
      const last = page.rows.at(-1);
      if (!last) break;
      rows += page.rows.length;
      after = { transactionId: last.transaction_id, position: last.global_position };
    }
    return { rows, rowsPerSecond: (rows / (performance.now() - started)) * 1000 };
  } finally {
    await db.end();
  }
}

/** The same rows in the same order, formatted by the server and thrown away there: no client. */
export async function serverCopy(databaseUrl: string): Promise<RawRead> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    const result = await db.query(
      `COPY (SELECT ${EVENT_COLUMNS} FROM events ORDER BY transaction_id, global_position)
       TO '/dev/null'`,
    );
    const rows = result.rowCount ?? 0;
    return { rows, rowsPerSecond: (rows / (performance.now() - started)) * 1000 };
  } finally {
    await db.end();
  }
}
