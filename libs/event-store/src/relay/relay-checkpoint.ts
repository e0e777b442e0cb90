import { LOG_START, LogPosition } from '../store/log-position';
import type { Queryable } from '../store/queryable';
import { committedHead } from '../store/read-events';

/** Where a relay with no checkpoint yet begins: the whole log, or only what comes next. */
export type RelayStart = 'beginning' | 'end';

export async function loadCheckpoint(
  db: Queryable,
  relayName: string,
  startAt: RelayStart,
): Promise<LogPosition> {
  const saved = await readCheckpoint(db, relayName);
  if (saved) return saved;
  const start = startAt === 'end' ? await committedHead(db) : LOG_START;
  await db.query(
    `INSERT INTO relay_checkpoint (relay_name, transaction_id, global_position)
     VALUES ($1, $2::xid8, $3) ON CONFLICT (relay_name) DO NOTHING`,
    [relayName, start.transactionId.toString(), start.position.toString()],
  );
  return (await readCheckpoint(db, relayName)) ?? start;
}

async function readCheckpoint(db: Queryable, relayName: string): Promise<LogPosition | undefined> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id, global_position FROM relay_checkpoint
     WHERE relay_name = $1`,
    [relayName],
  );
  const row = rows[0];
  return (
    row && { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) }
  );
}

/**
 * Moves a relay's checkpoint, only ever forward: a relay that lost its lock mid-batch cannot drag
 * it back. The arguments are the statement's placeholders for the relay's name and the position.
 */
export function moveCheckpointSql(name: string, transactionId: string, position: string): string {
  return `UPDATE relay_checkpoint
     SET transaction_id = ${transactionId}::xid8, global_position = ${position}, updated_at = now()
     WHERE relay_name = ${name}
       AND (transaction_id, global_position) < (${transactionId}::xid8, ${position}::bigint)`;
}

const SAVE_CHECKPOINT = moveCheckpointSql('$1', '$2', '$3');

export async function saveCheckpoint(
  db: Queryable,
  relayName: string,
  position: LogPosition,
): Promise<void> {
  await db.query(SAVE_CHECKPOINT, [
    relayName,
    position.transactionId.toString(),
    position.position.toString(),
  ]);
}
