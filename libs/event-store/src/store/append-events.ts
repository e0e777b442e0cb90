import { randomUUID } from 'node:crypto';
import type { TopicName } from '../../../platform/src/kafka/topics';
import { contextsOnTopic, topicOfEventType } from '../kafka/topic-of-event';
import type { EventMetadata, NewEvent, StoredEvent } from '../stored-event';
import type { CommandAnswer, IdempotencyKey } from './command-answer';
import {
  ConcurrencyConflict,
  EventsNotFirstWrite,
  IdempotencyKeyTaken,
  StreamSpansTopics,
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
  /**
   * Other streams the decision rests on, each at the version it read. The append is refused
   * (ConcurrencyConflict naming the stream) if any has moved on, so a writer that decided on
   * states it already held need not read them again first.
   */
  readonly unchanged?: readonly StreamAt[];
}

export interface StreamAt {
  readonly streamId: string;
  readonly version: number;
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
  readonly first_type: string | null;
  readonly global_position: string | null;
  readonly stream_version: number | null;
  readonly occurred_at: Date | null;
  readonly transaction_id: string | null;
  readonly moved: string | null;
}

/*
 * One statement, one round trip: the version check and every event row. Its snapshot is
 * taken before its first insert gives the transaction an id, so whenever the check sees the
 * stream at version n, the transaction that wrote n has already committed and holds a smaller
 * transaction id than ours. `earlier_write` proves nothing else gave us an id before that.
 * The head CTE is read twice, so PostgreSQL materialises it once, before any row is inserted.
 *
 * `first_type` keeps a stream on one topic: every append was checked the same way, so the
 * first event speaks for all of them, and it costs one probe of the (stream, version) index.
 *
 * set_config(…, true) is SET LOCAL inside the statement: the commit of this transaction waits
 * for the WAL to reach the disk whatever the server, database or session default says (a
 * projection or relay session may run with it off), and without a round trip of its own.
 * remote_apply already waits for more, so it is kept.
 */
const APPEND_SQL = `
  WITH head AS (
    SELECT coalesce(max(stream_version), 0) AS version,
           pg_current_xact_id_if_assigned()::text AS earlier_write,
           (SELECT event_type FROM events WHERE stream_id = $1 AND stream_version = 1) AS first_type,
           (SELECT u.stream_id FROM unnest($9::text[], $10::int[]) AS u(stream_id, version)
            WHERE EXISTS (SELECT 1 FROM events m
                          WHERE m.stream_id = u.stream_id AND m.stream_version = u.version + 1)
            LIMIT 1) AS moved,
           set_config('synchronous_commit',
             CASE current_setting('synchronous_commit') WHEN 'remote_apply' THEN 'remote_apply'
             ELSE 'on' END, true) AS durability
    FROM events WHERE stream_id = $1
  ), accepted AS (
    SELECT head.version FROM head
    WHERE head.version = $2 AND head.earlier_write IS NOT DISTINCT FROM $6::text
      AND head.moved IS NULL
      AND ($8::text[] IS NULL OR head.first_type IS NULL
           OR split_part(head.first_type, '.', 1) = ANY($8::text[]))
  ), appended AS (
    INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version,
                        data, metadata, occurred_at)
    SELECT $1, accepted.version + e.ord, (e.doc->>'eventId')::uuid, e.doc->>'type',
           (e.doc->>'schemaVersion')::int, e.doc->'data', coalesce(e.doc->'metadata', $4::jsonb),
           coalesce($5::timestamptz, now())
    FROM accepted, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(doc, ord)
    ORDER BY e.ord
    RETURNING global_position, stream_version, occurred_at, transaction_id
  ), answered AS (
    INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body)
    SELECT a->>'scope', a->>'key', a->>'fingerprint', (a->>'status')::int, a->'body'
    FROM accepted, jsonb_array_elements($7::jsonb) AS a
  )
  SELECT head.version AS head_version, head.earlier_write, head.first_type, head.moved,
         a.global_position, a.stream_version, a.occurred_at, a.transaction_id
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
  const topic = assertAppendable(events);
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
        topic ? contextsOnTopic(topic) : null,
        options.unchanged?.map((s) => s.streamId) ?? null,
        options.unchanged?.map((s) => s.version) ?? null,
      ],
    }));
  } catch (error) {
    if (isUniqueViolation(error, STREAM_VERSION_TAKEN))
      throw new ConcurrencyConflict(streamId, expectedVersion);
    if (isUniqueViolation(error, KEY_TAKEN)) throw new IdempotencyKeyTaken();
    throw error;
  }
  const { ownTransactionId } = options;
  assertAppended(rows, {
    streamId,
    expectedVersion,
    count: written.length,
    topic,
    ownTransactionId,
    unchanged: options.unchanged,
  });
  const stored = written.map((event, i): StoredEvent =>
    toAppended(event, rows[i] as AppendedRow, streamId, event.metadata ?? metadata),
  );
  return { version: expectedVersion + events.length, events: stored };
}

/** Why nothing was appended, when nothing was: the head row of the statement says. */
function assertAppended(
  rows: readonly AppendedRow[],
  append: {
    streamId: string;
    expectedVersion: number;
    count: number;
    topic?: TopicName;
    ownTransactionId?: string;
    unchanged?: readonly StreamAt[];
  },
): void {
  const first = rows[0];
  const moved = append.unchanged?.find((s) => s.streamId === first?.moved);
  if (moved) throw new ConcurrencyConflict(moved.streamId, moved.version);
  if (first && first.earlier_write !== (append.ownTransactionId ?? null))
    throw new EventsNotFirstWrite(append.streamId);
  if (append.topic && first?.first_type) {
    const existing = topicOfEventType(first.first_type);
    if (existing !== append.topic) throw new StreamSpansTopics([existing, append.topic]);
  }
  // Answers alone append nothing: the head row still says whether they were kept.
  const missed =
    append.count === 0
      ? first?.head_version !== append.expectedVersion
      : rows.length !== append.count || rows.some((row) => row.global_position === null);
  if (missed)
    throw new ConcurrencyConflict(append.streamId, append.expectedVersion, first?.head_version);
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
