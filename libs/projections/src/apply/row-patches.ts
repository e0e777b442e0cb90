import type { ProjectionTx } from '../projection';
import { columnNames } from './row-inserts';

/**
 * How an event writes one column: `set` its value; `fill` it only where the row has none
 * (`coalesce(col, value)`); `raise` it to the value when that is greater (`greatest`).
 */
export type WriteMode = 'set' | 'fill' | 'raise';

interface Write {
  readonly mode: WriteMode;
  readonly value: unknown;
}

/** The effect of `next` after `earlier` on one column, as a single write. */
export function foldWrite(earlier: Write | undefined, next: Write): Write {
  if (!earlier || next.mode === 'set') return next;
  if (next.mode === 'fill') {
    if (earlier.mode === 'raise') throw new Error('a raised column cannot be filled');
    return { mode: earlier.mode, value: earlier.value ?? next.value };
  }
  if (earlier.mode === 'fill') throw new Error('a filled column cannot be raised');
  const greater = earlier.value === null || Number(next.value) > Number(earlier.value);
  return { mode: earlier.mode, value: greater ? next.value : earlier.value };
}

const SQL_OF: Record<WriteMode, (column: string) => string> = {
  set: (c) => `r.${c}`,
  fill: (c) => `coalesce(t.${c}, r.${c})`,
  raise: (c) => `greatest(t.${c}, r.${c})`,
};

/**
 * The updates a chunk's events make to existing rows, folded per row in the events' order and
 * written in one `UPDATE … FROM jsonb_to_recordset` statement: the same rows as one statement
 * per event, in a round trip per chunk. Only updates fold this way; a projection writes its
 * inserts first and must flush before an insert of a row it already holds writes for.
 */
export class RowPatches {
  private readonly rows = new Map<string, { key: unknown[]; writes: Map<string, Write> }>();
  private readonly types: Map<string, string>;

  /**
   * @param keyColumns the record definition of the key (`ticket_id text`)
   * @param columns the record definition of every column an event may write
   */
  constructor(
    private readonly table: string,
    private readonly keyColumns: string,
    columns: string,
  ) {
    this.types = new Map(
      columns.split(',').map((column) => {
        const [name = '', ...type] = column.trim().split(/\s+/);
        return [name, type.join(' ')];
      }),
    );
  }

  get size(): number {
    return this.rows.size;
  }

  has(key: readonly unknown[]): boolean {
    return this.rows.has(JSON.stringify(key));
  }

  write(key: readonly unknown[], values: Record<string, unknown>, mode: WriteMode = 'set'): void {
    const id = JSON.stringify(key);
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { key: [...key], writes: new Map() }));
    for (const [column, value] of Object.entries(values)) {
      if (!this.types.has(column)) throw new Error(`${this.table} has no column ${column} here`);
      row.writes.set(column, foldWrite(row.writes.get(column), { mode, value: value ?? null }));
    }
  }

  /** Writes every folded row in one statement and forgets them. */
  async flush(tx: ProjectionTx): Promise<void> {
    if (this.rows.size === 0) return;
    const keys = columnNames(this.keyColumns).split(', ');
    const modes = new Map<string, Set<WriteMode>>();
    const records = [...this.rows.values()].map(({ key, writes }) => {
      const record: Record<string, unknown> = {};
      keys.forEach((name, i) => (record[name] = key[i]));
      for (const [column, { mode, value }] of writes) {
        record[column] = value;
        record[`${column}__mode`] = mode;
        let used = modes.get(column);
        if (!used) modes.set(column, (used = new Set()));
        used.add(mode);
      }
      return record;
    });
    this.rows.clear();
    const assignments = [...modes].map(([column, used]) => {
      const cases = [...used].map((mode) => `WHEN '${mode}' THEN ${SQL_OF[mode](column)}`);
      return `${column} = CASE r.${column}__mode ${cases.join(' ')} ELSE t.${column} END`;
    });
    const definition = [
      this.keyColumns,
      ...[...modes.keys()].map((c) => `${c} ${this.types.get(c)}, ${c}__mode text`),
    ].join(', ');
    await tx.query(
      `UPDATE ${tx.table(this.table)} AS t SET ${assignments.join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(${definition})
       WHERE ${keys.map((k) => `t.${k} = r.${k}`).join(' AND ')}`,
      [JSON.stringify(records)],
    );
  }
}
