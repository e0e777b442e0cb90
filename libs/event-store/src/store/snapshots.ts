import type { Queryable } from './queryable';

/**
 * When to keep a stream's folded state. `schema` names the state's shape: bump it whenever
 * `evolve` or the state changes, and old snapshots are ignored instead of misread. The state
 * must survive JSON (no Date, Map or bigint).
 */
export interface SnapshotPolicy {
  readonly every: number;
  readonly schema: string;
}

export interface Snapshot<S> {
  readonly version: number;
  readonly state: S;
}

export async function readSnapshot<S>(
  db: Queryable,
  streamId: string,
  policy: SnapshotPolicy,
): Promise<Snapshot<S> | undefined> {
  const { rows } = await db.query<{ version: number; state: S }>(
    'SELECT version, state FROM snapshots WHERE stream_id = $1 AND schema = $2',
    [streamId, policy.schema],
  );
  return rows[0];
}

export function crossesSnapshot(policy: SnapshotPolicy, from: number, to: number): boolean {
  if (!Number.isInteger(policy.every) || policy.every < 1)
    throw new Error(`snapshot ${policy.schema}: every must be a positive whole number`);
  return Math.floor(to / policy.every) > Math.floor(from / policy.every);
}

export async function writeSnapshot<S>(
  db: Queryable,
  streamId: string,
  policy: SnapshotPolicy,
  snapshot: Snapshot<S>,
): Promise<void> {
  await db.query(
    `INSERT INTO snapshots (stream_id, version, schema, state) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (stream_id) DO UPDATE
       SET version = excluded.version, schema = excluded.schema, state = excluded.state,
           taken_at = now()
     WHERE snapshots.version < excluded.version OR snapshots.schema <> excluded.schema`,
    [streamId, snapshot.version, policy.schema, JSON.stringify(snapshot.state)],
  );
}
