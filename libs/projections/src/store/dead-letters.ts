import type { StoredEvent } from '../event-store';
import { queryRows, type Db, type DbClient } from './database';
import { eventToJson, type KafkaRecordJson, type StoredEventJson } from './event-json';

export interface DeadLetter {
  readonly id: string;
  readonly projection: string;
  readonly event: StoredEventJson | KafkaRecordJson;
  /** Why it waits: the failure, the hole before it, or the parked version it waits behind. */
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: Date;
  readonly replayedAt: Date | null;
}

interface DeadLetterRow {
  id: string;
  projection: string;
  event: StoredEventJson | KafkaRecordJson;
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
const WAITING = 'replayed_at IS NULL AND discarded_at IS NULL';

export interface Parking {
  readonly projection: string;
  readonly tableSet: string;
  readonly error: string;
  readonly attempts: number;
}

export async function parkEvent(
  client: DbClient,
  entry: Parking & { event: StoredEvent },
): Promise<void> {
  await park(client, entry, eventToJson(entry.event));
}

export async function parkRecord(
  client: DbClient,
  entry: Parking & { record: KafkaRecordJson },
): Promise<void> {
  await park(client, entry, entry.record);
}

async function park(
  client: DbClient,
  entry: Parking,
  event: StoredEventJson | KafkaRecordJson,
): Promise<void> {
  await queryRows(
    client,
    `INSERT INTO projection_dead_letter (projection, table_set, event, error, attempts)
     VALUES ($1, $2, $3, $4, $5)`,
    [entry.projection, entry.tableSet, event, entry.error, entry.attempts],
  );
}

/**
 * The versions of these streams that wait parked in one table set: each holds back the later
 * versions of its stream. Few or none, found through the index of waiting letters.
 */
export async function waitingVersions(
  client: DbClient,
  tableSet: { projection: string; key: string },
  streamIds: readonly string[],
): Promise<Map<string, Set<number>>> {
  const rows = await queryRows<{ stream_id: string; version: number }>(
    client,
    `SELECT event->>'streamId' AS stream_id, (event->>'streamVersion')::int AS version
     FROM projection_dead_letter
     WHERE projection = $1 AND table_set = $2 AND ${WAITING}
       AND event->>'streamId' = ANY($3::text[])`,
    [tableSet.projection, tableSet.key, [...new Set(streamIds)]],
  );
  const waiting = new Map<string, Set<number>>();
  for (const { stream_id, version } of rows) {
    const versions = waiting.get(stream_id) ?? new Set<number>();
    waiting.set(stream_id, versions.add(Number(version)));
  }
  return waiting;
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

export async function findDeadLetter(
  db: Db | DbClient,
  id: string,
): Promise<DeadLetter | undefined> {
  const [row] = await queryRows<DeadLetterRow>(
    db,
    `SELECT ${COLUMNS} FROM projection_dead_letter WHERE ${VISIBLE} AND id = $1`,
    [id],
  );
  return row && toDeadLetter(row);
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

/** The stream's waiting letters in version order, locked for a replay. */
export async function lockStreamLetters(
  client: DbClient,
  projection: string,
  streamId: string,
): Promise<DeadLetter[]> {
  const rows = await queryRows<DeadLetterRow>(
    client,
    `SELECT ${COLUMNS} FROM projection_dead_letter
     WHERE ${VISIBLE} AND ${WAITING} AND projection = $1 AND event->>'streamId' = $2
     ORDER BY (event->>'streamVersion')::int, id FOR UPDATE`,
    [projection, streamId],
  );
  return rows.map(toDeadLetter);
}

export async function waitingDeadLetterIds(db: Db, projection: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM projection_dead_letter
     WHERE ${VISIBLE} AND ${WAITING} AND projection = $1 ORDER BY id`,
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

/** A record read again on replay becomes a letter of its stream, replayed in its order. */
export async function replaceLetterEvent(
  client: DbClient,
  id: string,
  event: StoredEvent,
): Promise<void> {
  await queryRows(client, 'UPDATE projection_dead_letter SET event = $2 WHERE id = $1', [
    id,
    eventToJson(event),
  ]);
}

export async function recordFailedReplay(
  db: Db | DbClient,
  id: string,
  error: string,
): Promise<void> {
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
     WHERE ${VISIBLE} AND ${WAITING} GROUP BY projection`,
  );
  return new Map(rows.map((r) => [r.projection, Number(r.waiting)]));
}
