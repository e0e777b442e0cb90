import { Pool } from 'pg';
import { rebuildProjection, type Projection } from '@circle/projections';

/** A read model's rows, each as JSON text, sorted: two models are equal when these are. */
type Rows = Record<string, string[]>;

// Columns filled when a row is written, not from the events: a rebuild writes them anew. The
// database fills those with a clock or sequence default; the coverage projection stamps
// `computed_at` itself. Every other column must come out the same.
const WRITTEN_AT = /now\(\)|current_timestamp|clock_timestamp|nextval\(/i;
const STAMPED = ['computed_at'];

async function machineColumns(db: Pool, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string; fill: string | null }>(
    `SELECT column_name AS name, column_default AS fill FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return rows
    .filter((r) => STAMPED.includes(r.name) || (r.fill && WRITTEN_AT.test(r.fill)))
    .map((r) => r.name);
}

export async function rowsOf(db: Pool, projection: Projection): Promise<Rows> {
  const rows: Rows = {};
  for (const table of projection.tables) {
    const skip = await machineColumns(db, table);
    const { rows: found } = await db.query<{ row: string }>(
      `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM ${table} t ORDER BY 1`,
      [skip],
    );
    rows[table] = found.map((r) => r.row);
  }
  return rows;
}

/** What one copy has that the other has not, a few rows of each, for a readable failure. */
export function differences(live: Rows, rebuilt: Rows): string[] {
  const found: string[] = [];
  for (const table of Object.keys(live)) {
    const a = new Set(live[table]);
    const b = new Set(rebuilt[table]);
    const onlyLive = [...a].filter((r) => !b.has(r)).slice(0, 3);
    const onlyRebuilt = [...b].filter((r) => !a.has(r)).slice(0, 3);
    if (onlyLive.length || onlyRebuilt.length || live[table]?.length !== rebuilt[table]?.length)
      found.push(
        `${table}: ${live[table]?.length} live rows, ${rebuilt[table]?.length} rebuilt; ` +
          `live only ${JSON.stringify(onlyLive)}; rebuilt only ${JSON.stringify(onlyRebuilt)}`,
      );
  }
  return found;
}

/** Waits until the live read models stop changing: the projections have caught up. */
export async function settledRows(
  db: Pool,
  projections: readonly Projection[],
  timeoutMs = 60_000,
): Promise<Map<string, Rows>> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  for (;;) {
    const all = new Map<string, Rows>();
    for (const p of projections) all.set(p.name, await rowsOf(db, p));
    const now = JSON.stringify([...all]);
    same = now === last ? same + 1 : 0;
    last = now;
    if (same >= 2 || Date.now() > deadline) return all;
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** Rebuilds each read model from the log (as `npm run rebuild` does) and tells how it differs. */
export async function rebuildAndCompare(
  db: Pool,
  projections: readonly Projection[],
): Promise<Record<string, string[]>> {
  const live = await settledRows(db, projections);
  const report: Record<string, string[]> = {};
  for (const p of projections) {
    await rebuildProjection(db, p);
    report[p.name] = differences(live.get(p.name) ?? {}, await rowsOf(db, p));
  }
  return report;
}
