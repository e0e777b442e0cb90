import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, StoredEvent } from '../stored-event';
import type { CommandAnswer, IdempotencyKey } from './command-answer';
import {
  ConcurrencyConflict,
  EventsNotFirstWrite,
  IdempotencyKeyTaken,
} from './event-store.errors';
import { assertAppendable } from './new-events';
import type { Queryable } from './queryable';

export interface AppendOptions {
  /** Defaults to the database's transaction time. */
  readonly occurredAt?: Date;
  /**
   * Answers kept for these requests by the very statement that appends, so a repeat finds them
   * exactly when it finds the events. A key already kept fails the whole append with
   * IdempotencyKeyTaken: the caller looks up the kept answers and decides again.
   */
  readonly answers?: readonly AnsweredRequest[];
}

export interface AnsweredRequest {
  readonly request: IdempotencyKey;
  readonly answer: CommandAnswer;
}

/** Where the stream stands after an append, and what the log now holds. */
export interface AppendResult {
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

interface AppendedRow {
  readonly head_version: number;
  readonly earlier_write: string | null;
  readonly global_position: string | null;
  readonly stream_version: number | null;
  readonly occurred_at: Date | null;
  readonly transaction_id: string | null;
}

/*
 * One statement, one round trip: the version check and every event row. Its snapshot is
 * taken before its first insert gives the transaction an id, so whenever the check sees the
 * stream at version n, the transaction that wrote n has already committed and holds a smaller
 * transaction id than ours. `earlier_write` proves nothing else gave us an id before that.
 * The head CTE is read twice, so PostgreSQL materialises it once, before any row is inserted.
 */
const APPEND_SQL = `
  WITH head AS (
    SELECT coalesce(max(stream_version), 0) AS version,
           pg_current_xact_id_if_assigned()::text AS earlier_write
    FROM events WHERE stream_id = $1
  ), appended AS (
    INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version,
                        data, metadata, occurred_at)
    SELECT $1, head.version + e.ord, (e.doc->>'eventId')::uuid, e.doc->>'type',
           (e.doc->>'schemaVersion')::int, e.doc->'data', coalesce(e.doc->'metadata', $4::jsonb),
           coalesce($5::timestamptz, now())
    FROM head, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(doc, ord)
    WHERE head.version = $2 AND head.earlier_write IS NOT DISTINCT FROM $6::text
    ORDER BY e.ord
    RETURNING global_position, stream_version, occurred_at, transaction_id
  ), answered AS (
    INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body)
    SELECT a->>'scope', a->>'key', a->>'fingerprint', (a->>'status')::int, a->'body'
    FROM head, jsonb_array_elements($7::jsonb) AS a
    WHERE head.version = $2 AND head.earlier_write IS NOT DISTINCT FROM $6::text
  )
  SELECT head.version AS head_version, head.earlier_write, a.global_position, a.stream_version,
         a.occurred_at, a.transaction_id
  FROM head LEFT JOIN appended a ON true
  ORDER BY a.stream_version`;

const STREAM_VERSION_TAKEN = 'events_stream_id_stream_version_key';
const KEY_TAKEN = 'idempotency_keys_pkey';

/**
 * Appends to one stream if it still stands at `expectedVersion` (0: the stream is new).
 * `ownTransactionId` is the id this transaction already got from an earlier append to the same
 * stream, if any; every other earlier write is refused.
 */
export async function appendEvents(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  metadata: EventMetadata,
  options: AppendOptions & { ownTransactionId?: string } = {},
): Promise<AppendResult> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    throw new Error(`expectedVersion must be a whole number, got ${expectedVersion}`);
  assertAppendable(events);
  const answers = options.answers ?? [];
  if (events.length === 0 && answers.length === 0) return { version: expectedVersion, events: [] };
  // Read back through JSON so the caller's copy matches what a reload will see.
  const payload = JSON.stringify(events.map((e) => ({ ...e, eventId: randomUUID() })));
  const written = JSON.parse(payload) as (NewEvent & { eventId: string })[];
  let rows: AppendedRow[];
  try {
    ({ rows } = await db.query<AppendedRow>({
      // Named, so each connection parses and plans this statement once, not on every append.
      name: 'append-events',
      text: APPEND_SQL,
      values: [
        streamId,
        expectedVersion,
        payload,
        JSON.stringify(metadata),
        options.occurredAt ?? null,
        options.ownTransactionId ?? null,
        JSON.stringify(answers.map(answerRow)),
      ],
    }));
  } catch (error) {
    if (isUniqueViolation(error, STREAM_VERSION_TAKEN))
      throw new ConcurrencyConflict(streamId, expectedVersion);
    if (isUniqueViolation(error, KEY_TAKEN)) throw new IdempotencyKeyTaken();
    throw error;
  }
  const first = rows[0];
  if (first && first.earlier_write !== (options.ownTransactionId ?? null))
    throw new EventsNotFirstWrite(streamId);
  // Answers alone append nothing: the head row still says whether they were kept.
  const missed =
    written.length === 0
      ? first?.head_version !== expectedVersion
      : rows.length !== written.length || rows.some((row) => row.global_position === null);
  if (missed) throw new ConcurrencyConflict(streamId, expectedVersion, first?.head_version);
  const stored = written.map((event, i): StoredEvent =>
    toAppended(event, rows[i] as AppendedRow, streamId, event.metadata ?? metadata),
  );
  return { version: expectedVersion + events.length, events: stored };
}

function answerRow({ request, answer }: AnsweredRequest) {
  return {
    scope: request.scope,
    key: request.key,
    fingerprint: request.fingerprint,
    status: answer.status,
    // Left out when undefined, so the column holds SQL NULL as saveAnswer writes it.
    body: answer.body,
  };
}

function toAppended(
  event: NewEvent & { eventId: string },
  row: AppendedRow,
  streamId: string,
  metadata: EventMetadata,
): StoredEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    streamId,
    streamVersion: Number(row.stream_version),
    globalPosition: BigInt(row.global_position ?? 0),
    transactionId: BigInt(row.transaction_id ?? 0),
    occurredAt: row.occurred_at ?? new Date(),
    metadata,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && e.constraint === constraint;
}
