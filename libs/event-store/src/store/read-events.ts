import type { StoredEvent } from '../stored-event';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from './event-row';
import { LOG_START, LogPosition } from './log-position';
import type { Queryable } from './queryable';

export async function readStreamEvents(
  db: Queryable,
  streamId: string,
  fromVersion: number,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
    [streamId, fromVersion],
  );
  return rows.map(toStoredEvent);
}

/**
 * Several streams' events from the version given for each, in one round trip: a command that
 * reads two streams pays one wait for the server instead of two. Each stream in version order.
 */
export async function readStreamsEvents(
  db: Queryable,
  fromVersions: ReadonlyMap<string, number>,
): Promise<Map<string, StoredEvent[]>> {
  const byStream = new Map<string, StoredEvent[]>([...fromVersions.keys()].map((id) => [id, []]));
  if (fromVersions.size === 0) return byStream;
  // One index range per stream, which PostgreSQL scans and ORs together.
  const ranges = [...fromVersions.keys()]
    .map((_, i) => `(stream_id = $${2 * i + 1} AND stream_version >= $${2 * i + 2})`)
    .join(' OR ');
  const { rows } = await db.query<EventRow>({
    // Named per number of streams, so each connection parses it once, not on every command.
    name: `read-streams-${fromVersions.size}`,
    text: `SELECT ${EVENT_COLUMNS} FROM events WHERE ${ranges} ORDER BY stream_id, stream_version`,
    values: [...fromVersions].flat(),
  });
  for (const row of rows) byStream.get(row.stream_id)?.push(toStoredEvent(row));
  return byStream;
}

export async function streamHead(db: Queryable, streamId: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]?.version ?? 0;
}

/*
 * The gate of every whole-log read: event_log_gate() is the oldest transaction still running
 * that may append (PostgreSQL's xmin, leaving out the connections that never append; see the
 * migrations CreateEventLogGate and PlanTheEventLogGateOnce, and off-log-connections.ts). Every
 * appending transaction below it has finished, and no transaction can ever again receive an id
 * below it, so the part of the log under the gate is final. Reading it in (transaction_id,
 * global_position) order from a checkpoint therefore never skips a row that appears later: a
 * slow transaction holding a lower position simply holds the gate until it ends, and its events
 * then sort before those of every transaction that started writing after it.
 */
const BELOW_GATE = 'transaction_id < event_log_gate()';

/**
 * The log's next events under the gate after a position, in commit order, with the columns
 * asked for: $1 the position's transaction id, $2 its global position, $3 how many at most.
 */
export function committedAfterSql(columns: string): string {
  return `SELECT ${columns} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND ${BELOW_GATE}
     ORDER BY transaction_id, global_position
     LIMIT $3`;
}

const COMMITTED_AFTER = committedAfterSql(EVENT_COLUMNS);

export async function readCommittedAfter(
  db: Queryable,
  after: LogPosition,
  limit: number,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>({
    // Named: every rebuild runs it over and over; parsed and planned once.
    name: 'read-committed-after',
    text: COMMITTED_AFTER,
    values: [after.transactionId.toString(), after.position.toString(), limit],
  });
  return rows.map(toStoredEvent);
}

/** The last event under the gate: a new reader starting here misses nothing that follows. */
export async function committedHead(db: Queryable): Promise<LogPosition> {
  const { rows } = await db.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id, global_position FROM events
     WHERE ${BELOW_GATE}
     ORDER BY transaction_id DESC, global_position DESC
     LIMIT 1`,
  );
  const row = rows[0];
  return row
    ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) }
    : LOG_START;
}

/**
 * The first event of a type whose data names a record (`settlementId = …`): how a record id
 * that does not spell its stream is found. Each field asked for this way has an expression
 * index (see the migrations), so the lookup never scans the log.
 */
export async function findFirstEvent(
  db: Queryable,
  type: string,
  field: string,
  value: string,
): Promise<StoredEvent | null> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE event_type = $1 AND data ->> $2 = $3 ORDER BY global_position LIMIT 1`,
    [type, field, value],
  );
  return rows[0] ? toStoredEvent(rows[0]) : null;
}
