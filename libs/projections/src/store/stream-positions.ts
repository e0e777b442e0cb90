import { queryRows, type DbClient } from './database';

/** Highest applied stream version per stream, for one table set. */
export type StreamPositions = Map<string, number>;

/**
 * Loads and row-locks the positions of these streams. Missing rows are created first (at 0,
 * below any real version) so that two workers meeting on a brand-new stream — a partition
 * moving between consumers mid-batch — queue on the row instead of both applying.
 */
export async function lockStreamPositions(
  client: DbClient,
  tableSet: string,
  streamIds: readonly string[],
): Promise<StreamPositions> {
  const sorted = [...new Set(streamIds)].sort();
  await queryRows(
    client,
    `INSERT INTO projection_stream_position (table_set, stream_id, version)
     SELECT $1, s, 0 FROM unnest($2::text[]) AS s ORDER BY s
     ON CONFLICT (table_set, stream_id) DO NOTHING`,
    [tableSet, sorted],
  );
  const rows = await queryRows<{ stream_id: string; version: number }>(
    client,
    `SELECT stream_id, version FROM projection_stream_position
     WHERE table_set = $1 AND stream_id = ANY($2::text[])
     ORDER BY stream_id FOR UPDATE`,
    [tableSet, sorted],
  );
  return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
}

export async function saveStreamPositions(
  client: DbClient,
  tableSet: string,
  changed: StreamPositions,
): Promise<void> {
  if (changed.size === 0) return;
  // `= ANY` gives the index the rows even in a plan made on stale statistics: joined to unnest
  // alone, a table set grown faster than autovacuum analyzed it was hash-joined and read whole.
  // The lock above has only the database's planner setting (migration PlanForCachedPages),
  // which does not cover every shape stale statistics take.
  await queryRows(
    client,
    `UPDATE projection_stream_position p SET version = u.version
     FROM unnest($2::text[], $3::int[]) AS u(stream_id, version)
     WHERE p.table_set = $1 AND p.stream_id = ANY($2::text[]) AND p.stream_id = u.stream_id`,
    [tableSet, [...changed.keys()], [...changed.values()]],
  );
}
