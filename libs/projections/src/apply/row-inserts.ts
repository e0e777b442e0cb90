import type { ProjectionTx } from '../projection';

/** `a text, b int` → `a, b`: the column names of a record definition, in its order. */
export const columnNames = (columns: string): string =>
  columns
    .split(',')
    .map((column) => column.trim().split(/\s+/)[0])
    .join(', ');

/**
 * Inserts rows as one JSON array in one statement, however many there are: a statement per
 * event was most of a projection's time. `columns` is the record definition
 * (`ticket_id text, day date`), the rows' keys the same names; rows go in in their order, so
 * with `ON CONFLICT … DO NOTHING` the first of two rows with one key wins, as one by one.
 */
export async function insertRows(
  tx: ProjectionTx,
  table: string,
  columns: string,
  rows: readonly object[],
  onConflict: string,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${tx.table(table)} (${columnNames(columns)})
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${columns}) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}
