import type { Pool, PoolClient } from 'pg';
import {
  lockStreamPositions,
  saveStreamPositions,
} from '../../libs/projections/src/store/stream-positions';
import { testPool } from './support/test-db';
import { runId } from './support/test-events';

const STREAMS = 20_000;
const PER_CHUNK = 40;

/** Rows of projection_stream_position this transaction has read so far. */
async function rowsRead(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ read: string }>(
    `SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS read
     FROM pg_stat_xact_user_tables WHERE relname = 'projection_stream_position'`,
  );
  return Number(rows[0]?.read ?? 0);
}

describe('stream positions: a chunk reads only its own streams', () => {
  let db: Pool;
  const tableSet = `positions_${runId()}`;
  const otherTableSet = `positions_other_${runId()}`;

  beforeAll(async () => {
    db = testPool();
    // Analyzed while this table set was small and another one large, then grown at once: a busy
    // day or a rebuild grows a table set faster than autovacuum analyzes it, so the planner
    // believes it holds a few dozen rows, and the statistics describe other table sets.
    const grow = (set: string, from: number, to: number) =>
      db.query(
        `INSERT INTO projection_stream_position (table_set, stream_id, version)
         SELECT $1, 'person-' || n, 1 FROM generate_series($2::int, $3::int) AS n`,
        [set, from, to],
      );
    await grow(tableSet, 1, 30);
    await grow(otherTableSet, 1, STREAMS);
    await db.query('ANALYZE projection_stream_position');
    await grow(tableSet, 31, STREAMS);
  });

  afterAll(async () => {
    await db.query('DELETE FROM projection_stream_position WHERE table_set = ANY($1)', [
      [tableSet, otherTableSet],
    ]);
    await db.end();
  });

  it('moves the streams of a chunk in a large table set without reading the rest of it', async () => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      // Past PostgreSQL's fifth run, when a named statement may switch to its generic plan.
      for (let round = 0; round < 8; round++) {
        const streams = Array.from(
          { length: PER_CHUNK },
          (_, i) => `person-${round * PER_CHUNK + i + 1}`,
        );
        const before = await rowsRead(client);
        const positions = await lockStreamPositions(client, tableSet, streams);
        expect([...positions.values()]).toEqual(streams.map(() => 1));
        await saveStreamPositions(client, tableSet, new Map(streams.map((s) => [s, 2])));
        expect(await rowsRead(client)).toBeLessThan(before + 10 * PER_CHUNK);
      }
      const { rows } = await client.query<{ moved: string }>(
        'SELECT count(*) AS moved FROM projection_stream_position WHERE table_set = $1 AND version = 2',
        [tableSet],
      );
      expect(Number(rows[0]?.moved)).toBe(8 * PER_CHUNK);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
