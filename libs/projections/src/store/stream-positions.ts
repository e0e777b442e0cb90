import { queryRows, type DbClient } from './database';

/** Highest applied stream version per stream, for one table set. */
export type StreamPositions = Map<string, number>;

/**
 * Loads and row-locks the positions of these streams, creating missing rows at 0 (below any
 * real version) so that two workers meeting on a brand-new stream — a partition moving between
 * consumers mid-batch — queue on the row instead of both applying.
 *
 * Both statements here reach each row through the primary key's conflict check, one probe per
 * stream, whatever the statistics say: a table set grown faster than autovacuum analyzes it, or
 * analyzed while others filled the table, was otherwise planned as a scan of the whole set.
 * The no-op update is the row lock; rows are visited in sorted order, so workers cannot
 * deadlock on them.
 */
export async function lockStreamPositions(
  client: DbClient,
  tableSet: string,
  streamIds: readonly string[],
): Promise<StreamPositions> {
  const sorted = [...new Set(streamIds)].sort();
  const rows = await queryRows<{ stream_id: string; version: number }>(
    client,
    `INSERT INTO projection_stream_position AS p (table_set, stream_id, version)
     SELECT $1, s, 0 FROM unnest($2::text[]) AS s ORDER BY s
     ON CONFLICT (table_set, stream_id) DO UPDATE SET version = p.version
     RETURNING stream_id, version`,
    [tableSet, sorted],
  );
  return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
}

/** Moves the positions of streams locked by {@link lockStreamPositions} in this transaction. */
export async function saveStreamPositions(
  client: DbClient,
  tableSet: string,
  changed: StreamPositions,
): Promise<void> {
  if (changed.size === 0) return;
  await queryRows(
    client,
    `INSERT INTO projection_stream_position AS p (table_set, stream_id, version)
     SELECT $1, u.stream_id, u.version FROM unnest($2::text[], $3::int[]) AS u(stream_id, version)
     ON CONFLICT (table_set, stream_id) DO UPDATE SET version = excluded.version`,
    [tableSet, [...changed.keys()], [...changed.values()]],
  );
}
