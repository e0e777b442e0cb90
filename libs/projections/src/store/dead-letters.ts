import type { StoredEvent } from '../event-store';
import { queryRows, type Db, type DbClient } from './database';
import { eventToJson, type StoredEventJson } from './event-json';

export interface DeadLetter {
  readonly id: string;
  readonly projection: string;
  readonly event: StoredEventJson;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: Date;
  readonly replayedAt: Date | null;
}

interface DeadLetterRow {
  id: string;
  projection: string;
  event: StoredEventJson;
  error: string;
  attempts: number;
  parked_at: Date;
  replayed_at: Date | null;
}

const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: String(r.id),
  projection: r.projection,
  event: r.event,
  error: r.error,
  attempts: Number(r.attempts),
  parkedAt: r.parked_at,
  replayedAt: r.replayed_at,
});

const COLUMNS = 'id, projection, event, error, attempts, parked_at, replayed_at';

// Letters of a shadow copy (table_set <name>__rebuild) stay out of sight until its swap.
const VISIBLE = 'table_set = projection AND discarded_at IS NULL';

export async function parkEvent(
  client: DbClient,
  entry: {
    projection: string;
    tableSet: string;
    event: StoredEvent;
    error: string;
    attempts: number;
  },
): Promise<void> {
  await queryRows(
    client,
    `INSERT INTO projection_dead_letter (projection, table_set, event, error, attempts)
     VALUES ($1, $2, $3, $4, $5)`,
    [entry.projection, entry.tableSet, eventToJson(entry.event), entry.error, entry.attempts],
  );
}

export async function listDeadLetters(db: Db, projection?: string): Promise<DeadLetter[]> {
  const rows = await queryRows<DeadLetterRow>(
    db,
    `SELECT ${COLUMNS} FROM projection_dead_letter
     WHERE ${VISIBLE} AND ($1::text IS NULL OR projection = $1)
     ORDER BY id`,
    [projection ?? null],
  );
  return rows.map(toDeadLetter);
}

export async function deadLetterProjection(db: Db, id: string): Promise<string | undefined> {
  const [row] = await queryRows<{ projection: string }>(
    db,
    `SELECT projection FROM projection_dead_letter WHERE ${VISIBLE} AND id = $1`,
    [id],
  );
  return row?.projection;
}

/** Locks the letter so two admins replaying at once cannot apply it twice. */
export async function lockDeadLetter(
  client: DbClient,
  id: string,
): Promise<DeadLetter | undefined> {
  const [row] = await queryRows<DeadLetterRow>(
    client,
    `SELECT ${COLUMNS} FROM projection_dead_letter WHERE ${VISIBLE} AND id = $1 FOR UPDATE`,
    [id],
  );
  return row && toDeadLetter(row);
}

export async function waitingDeadLetterIds(db: Db, projection: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM projection_dead_letter
     WHERE ${VISIBLE} AND replayed_at IS NULL AND projection = $1 ORDER BY id`,
    [projection],
  );
  return rows.map((r) => String(r.id));
}

export async function markReplayed(client: DbClient, id: string): Promise<void> {
  await queryRows(
    client,
    'UPDATE projection_dead_letter SET replayed_at = now(), attempts = attempts + 1 WHERE id = $1',
    [id],
  );
}

export async function recordFailedReplay(db: Db, id: string, error: string): Promise<void> {
  await queryRows(
    db,
    'UPDATE projection_dead_letter SET error = $2, attempts = attempts + 1 WHERE id = $1',
    [id, error],
  );
}

export async function countWaitingDeadLetters(db: Db): Promise<Map<string, number>> {
  const rows = await queryRows<{ projection: string; waiting: string }>(
    db,
    `SELECT projection, count(*) AS waiting FROM projection_dead_letter
     WHERE ${VISIBLE} AND replayed_at IS NULL GROUP BY projection`,
  );
  return new Map(rows.map((r) => [r.projection, Number(r.waiting)]));
}
