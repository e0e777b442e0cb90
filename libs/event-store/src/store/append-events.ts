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
  readonly i: number;
  readonly head_version: number;
  readonly earlier_write: string | null;
  readonly first_type: string | null;
  readonly global_position: string | null;
  readonly stream_version: number | null;
  readonly occurred_at: Date | null;
  readonly transaction_id: string | null;
  readonly moved: string | null;
}

/** One stream's part of an append statement. */
export interface StreamAppend {
  readonly streamId: string;
  /** The version the stream must still stand at (0: the stream is new). */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
  readonly options?: AppendOptions;
}

/** A stream's append checked and given its event ids, ready to share a statement. */
export interface PreparedAppend extends StreamAppend {
  readonly topic: TopicName | undefined;
  /** Every stream whose version the append checks: its own and those it rests on. */
  readonly streams: readonly string[];
}

/** Each append of a statement in turn: where its stream now stands, or why it was refused. */
export type AppendOutcome = AppendResult | Error;

/*
 * One statement, one round trip, one transaction for any number of streams: each stream's
 * version checks and its event rows. The statement's snapshot is taken before its first insert
 * gives the transaction an id, so whenever a check sees a stream at version n, the transaction
 * that wrote n has already committed and holds a smaller transaction id than ours, whichever
 * stream it is. `earlier_write` proves nothing else gave us an id before that; the gate CTE is
 * read twice, so PostgreSQL materialises it, and `accepted` reads it before any row is inserted.
 *
 * Each append stands alone: one refused by its checks appends nothing and the others go on.
 * `first_type` keeps a stream on one topic: every append was checked the same way, so the first
 * event speaks for all of them, and it costs one probe of the (stream, version) index.
 *
 * set_config(…, true) is SET LOCAL inside the statement: the commit of this transaction waits
 * for the WAL to reach the disk whatever the server, database or session default says (a
 * projection or relay session may run with it off), and without a round trip of its own.
 * remote_apply already waits for more, so it is kept.
 */
const APPEND_SQL = `
  WITH request AS (
    SELECT r.i::int AS i, r.doc->>'streamId' AS stream_id, (r.doc->>'expectedVersion')::int AS expected,
           r.doc
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(doc, i)
  ), gate AS (
    SELECT pg_current_xact_id_if_assigned()::text AS earlier_write,
           set_config('synchronous_commit',
             CASE current_setting('synchronous_commit') WHEN 'remote_apply' THEN 'remote_apply'
             ELSE 'on' END, true) AS durability
  ), head AS (
    SELECT q.i, q.stream_id, q.expected, q.doc,
           (SELECT coalesce(max(stream_version), 0) FROM events
            WHERE stream_id = q.stream_id) AS version,
           (SELECT event_type FROM events
            WHERE stream_id = q.stream_id AND stream_version = 1) AS first_type,
           (SELECT u->>'streamId' FROM jsonb_array_elements(q.doc->'unchanged') AS u
            WHERE EXISTS (SELECT 1 FROM events m
                          WHERE m.stream_id = u->>'streamId'
                            AND m.stream_version = (u->>'version')::int + 1)
            LIMIT 1) AS moved
    FROM request q
  ), accepted AS (
    SELECT head.i, head.stream_id, head.version, head.doc FROM head, gate
    WHERE head.version = head.expected AND gate.earlier_write IS NOT DISTINCT FROM $2::text
      AND head.moved IS NULL
      AND (jsonb_typeof(head.doc->'contexts') IS DISTINCT FROM 'array' OR head.first_type IS NULL
           OR head.doc->'contexts' ? split_part(head.first_type, '.', 1))
  ), appended AS (
    INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version,
                        data, metadata, occurred_at)
    SELECT a.stream_id, a.version + e.ord, (e.doc->>'eventId')::uuid, e.doc->>'type',
           (e.doc->>'schemaVersion')::int, e.doc->'data', coalesce(e.doc->'metadata', a.doc->'metadata'),
           coalesce((a.doc->>'occurredAt')::timestamptz, now())
    FROM accepted a, jsonb_array_elements(a.doc->'events') WITH ORDINALITY AS e(doc, ord)
    ORDER BY a.i, e.ord
    RETURNING stream_id, global_position, stream_version, occurred_at, transaction_id
  ), answered AS (
    INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body)
    SELECT x->>'scope', x->>'key', x->>'fingerprint', (x->>'status')::int, x->'body'
    FROM accepted a, jsonb_array_elements(a.doc->'answers') AS x
  )
  SELECT head.i, head.version AS head_version, gate.earlier_write, head.first_type, head.moved,
         p.global_position, p.stream_version, p.occurred_at, p.transaction_id
  FROM head CROSS JOIN gate LEFT JOIN appended p ON p.stream_id = head.stream_id
  ORDER BY head.i, p.stream_version`;

const STREAM_VERSION_TAKEN = 'events_stream_id_stream_version_key';
const KEY_TAKEN = 'idempotency_keys_pkey';

/**
 * A statement of several appends met another writer's row (a stream version or a kept key taken
 * meanwhile): nothing of it was written, and which append collided is unknown, so each is tried
 * again alone.
 */
export class AppendsCollided extends Error {
  constructor() {
    super('an append of the statement met a row written meanwhile');
    this.name = 'AppendsCollided';
  }
}

/** Checks an append before it joins a statement; throws what no retry would change. */
export function prepareAppend(append: StreamAppend): PreparedAppend {
  const { expectedVersion } = append;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    throw new Error(`expectedVersion must be a whole number, got ${expectedVersion}`);
  const topic = assertAppendable(append.events);
  const unchanged = append.options?.unchanged ?? [];
  return { ...append, topic, streams: [append.streamId, ...unchanged.map((s) => s.streamId)] };
}

/** Whether the append has anything to write: answers alone are kept too. */
export function writesSomething(append: StreamAppend): boolean {
  return append.events.length > 0 || (append.options?.answers?.length ?? 0) > 0;
}

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
  const { ownTransactionId, ...appendOptions } = options;
  const append = prepareAppend({
    streamId,
    expectedVersion,
    events,
    metadata,
    options: appendOptions,
  });
  if (!writesSomething(append)) return { version: expectedVersion, events: [] };
  const [outcome] = await appendToStreams(db, [append], ownTransactionId);
  if (outcome instanceof Error) throw outcome;
  return outcome as AppendResult;
}

/**
 * Several streams' appends in one statement and transaction, each checked on its own. Throws
 * only what fails the statement: AppendsCollided for several appends, for one the conflict or
 * taken key itself.
 */
export async function appendToStreams(
  db: Queryable,
  appends: readonly PreparedAppend[],
  ownTransactionId?: string,
): Promise<AppendOutcome[]> {
  // Read back through JSON so the caller's copy matches what a reload will see.
  const payload = JSON.stringify(appends.map(requestDoc));
  const written = JSON.parse(payload) as { events: (NewEvent & { eventId: string })[] }[];
  let rows: AppendedRow[];
  try {
    ({ rows } = await db.query<AppendedRow>({
      // Named, so each connection parses and plans this statement once, not on every append.
      name: 'append-to-streams',
      text: APPEND_SQL,
      values: [payload, ownTransactionId ?? null],
    }));
  } catch (error) {
    const collided = isUniqueViolation(error, STREAM_VERSION_TAKEN)
      ? 'version'
      : isUniqueViolation(error, KEY_TAKEN)
        ? 'key'
        : undefined;
    if (!collided) throw error;
    if (appends.length > 1) throw new AppendsCollided();
    const only = appends[0] as PreparedAppend;
    throw collided === 'version'
      ? new ConcurrencyConflict(only.streamId, only.expectedVersion)
      : new IdempotencyKeyTaken();
  }
  return appends.map((append, index) => {
    const own = rows.filter((row) => row.i === index + 1);
    const events = (written[index] as { events: (NewEvent & { eventId: string })[] }).events;
    try {
      assertAppended(own, { ...append, count: events.length, ownTransactionId });
    } catch (refusal) {
      return refusal as Error;
    }
    const stored = events.map((event, i): StoredEvent =>
      toAppended(event, own[i] as AppendedRow, append.streamId, event.metadata ?? append.metadata),
    );
    return { version: append.expectedVersion + events.length, events: stored };
  });
}

function requestDoc(append: PreparedAppend) {
  const { options = {} } = append;
  return {
    streamId: append.streamId,
    expectedVersion: append.expectedVersion,
    events: append.events.map((e) => ({ ...e, eventId: randomUUID() })),
    metadata: append.metadata,
    occurredAt: options.occurredAt ?? null,
    answers: (options.answers ?? []).map(answerRow),
    contexts: append.topic ? contextsOnTopic(append.topic) : null,
    unchanged: options.unchanged ?? [],
  };
}

/** Why nothing was appended, when nothing was: the head row of the append says. */
function assertAppended(
  rows: readonly AppendedRow[],
  append: {
    streamId: string;
    expectedVersion: number;
    count: number;
    topic?: TopicName;
    ownTransactionId?: string;
    options?: AppendOptions;
  },
): void {
  const first = rows[0];
  const moved = append.options?.unchanged?.find((s) => s.streamId === first?.moved);
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
