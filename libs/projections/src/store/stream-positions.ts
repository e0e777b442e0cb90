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

/** Positions to move in one table set, locked by {@link lockStreamPositions} in this transaction. */
export interface PositionsToMove {
  readonly tableSet: string;
  readonly changed: StreamPositions;
}

/**
 * The statement that moves positions, its parameters numbered from `first`, so that another
 * statement can carry it as a CTE (see saveCheckpoints) and save a round trip.
 */
export function movePositionsSql(first: number): string {
  return `INSERT INTO projection_stream_position AS p (table_set, stream_id, version)
     SELECT $${first}, u.stream_id, u.version
     FROM unnest($${first + 1}::text[], $${first + 2}::int[]) AS u(stream_id, version)
     ON CONFLICT (table_set, stream_id) DO UPDATE SET version = excluded.version`;
}

export function movePositionsParams({ tableSet, changed }: PositionsToMove): unknown[] {
  return [tableSet, [...changed.keys()], [...changed.values()]];
}

export async function saveStreamPositions(
  client: DbClient,
  tableSet: string,
  changed: StreamPositions,
): Promise<void> {
  if (changed.size === 0) return;
  await queryRows(client, movePositionsSql(1), movePositionsParams({ tableSet, changed }));
}
