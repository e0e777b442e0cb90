import { escapeLiteral } from 'pg';
import { queryRows, type Db, type DbClient } from './database';

// Arbitrary namespaces, so these advisory locks cannot collide with anyone else's.
const APPLYING = 0x5c1c01;
const REBUILDING = 0x5c1c02;

/**
 * Every transaction that writes a projection's live tables holds this shared lock; the swap at
 * the end of a rebuild takes it exclusively. Without it a batch could read the old stream
 * positions, wait out the swap and then write into the new tables, applying an event twice.
 */
export async function lockForApplying(client: DbClient, projection: string): Promise<void> {
  await client.query(applyingLockStatement(projection));
}

/** The lock as one statement without parameters, for a transaction to open with. */
export function applyingLockStatement(projection: string): string {
  return `SELECT pg_advisory_xact_lock_shared(${APPLYING}, hashtext(${escapeLiteral(projection)}))`;
}

export async function lockForSwapping(client: DbClient, projection: string): Promise<void> {
  await queryRows(client, 'SELECT pg_advisory_xact_lock($1, hashtext($2))', [APPLYING, projection]);
}

/** One rebuild per projection at a time; held by the rebuild's session until it ends. */
export async function tryLockForRebuilding(client: DbClient, projection: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    client,
    'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
    [REBUILDING, projection],
  );
  return row?.locked === true;
}

/** The projections a rebuild is running for right now, in any process on this database. */
export async function projectionsRebuilding(
  db: Db,
  projections: readonly string[],
): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    `SELECT name FROM unnest($2::text[]) AS name
     WHERE EXISTS (
       SELECT FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND objsubid = 2
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND classid = $1::int4::oid AND objid = hashtext(name)::oid)`,
    [REBUILDING, [...projections]],
  );
  return new Set(rows.map((r) => r.name));
}
