import type { CommandAnswer, IdempotencyKey } from './command-answer';
import { IdempotencyKeyReused } from './event-store.errors';
import type { Queryable } from './queryable';

/**
 * Serialises requests that share a key until the first one commits, so a repeat sent while
 * the original still runs waits for its answer instead of racing it into a 409. Advisory locks
 * give the transaction no id, so the events can still be its first write. The two-key form
 * keeps these locks apart from the relay's single-key lock.
 */
export async function lockIdempotencyKey(db: Queryable, request: IdempotencyKey): Promise<void> {
  await db.query(
    `SELECT pg_advisory_xact_lock(hashtext('idempotency'), hashtext($1 || chr(31) || $2))`,
    [request.scope, request.key],
  );
}

/*
 * A key is live for `ttlSeconds` after its answer was kept. Every read below sees only live
 * keys, so a key past its time is a new key at once, whether or not the sweep has deleted it.
 */
const live = (row: string, ttlParameter: string) =>
  `${row}.created_at > now() - make_interval(secs => ${ttlParameter})`;

/** The stored answer of an earlier identical request; a different request with the key throws. */
export async function findAnswer(
  db: Queryable,
  request: IdempotencyKey,
  ttlSeconds: number,
): Promise<CommandAnswer | undefined> {
  const { rows } = await db.query<{
    fingerprint: string;
    response_status: number;
    response_body: unknown;
  }>(
    `SELECT fingerprint, response_status, response_body FROM idempotency_keys
     WHERE scope = $1 AND key = $2 AND ${live('idempotency_keys', '$3')}`,
    [request.scope, request.key, ttlSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused();
  return { status: row.response_status, body: row.response_body };
}

/**
 * Keeps the answer, taking the place of an expired one. The caller holds the key's lock, so a
 * live row found here was written without it, by the batch path (walk-ins, settlement): routes
 * that are not the caller's, so the key came with another request.
 */
export async function saveAnswer(
  db: Queryable,
  request: IdempotencyKey,
  answer: CommandAnswer,
  ttlSeconds: number,
): Promise<void> {
  const { rowCount } = await db.query(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body)
     VALUES ($1, $2, $4, $5, $6::jsonb)
     ON CONFLICT (scope, key) DO UPDATE
       SET fingerprint = EXCLUDED.fingerprint, response_status = EXCLUDED.response_status,
           response_body = EXCLUDED.response_body, created_at = now()
       WHERE NOT ${live('idempotency_keys', '$3')}`,
    [
      request.scope,
      request.key,
      ttlSeconds,
      request.fingerprint,
      answer.status,
      answer.body === undefined ? null : JSON.stringify(answer.body),
    ],
  );
  if (rowCount === 0) throw new IdempotencyKeyReused();
}

/** A key as one text, for maps of the requests of a batch. */
export const keyIdOf = (request: IdempotencyKey): string => `${request.scope}\u001f${request.key}`;

/** An answer as kept, with the fingerprint of the request it answered. */
export interface KeptAnswer {
  readonly fingerprint: string;
  readonly answer: CommandAnswer;
}

/**
 * The kept answers of several keys in one round trip, by keyIdOf. Whether each belongs to the
 * same request is the caller's to check against the fingerprint.
 */
export async function findAnswers(
  db: Queryable,
  requests: readonly IdempotencyKey[],
  ttlSeconds: number,
): Promise<Map<string, KeptAnswer>> {
  if (requests.length === 0) return new Map();
  const { rows } = await db.query<{
    scope: string;
    key: string;
    fingerprint: string;
    response_status: number;
    response_body: unknown;
  }>(
    `SELECT k.scope, k.key, k.fingerprint, k.response_status, k.response_body
     FROM idempotency_keys k JOIN unnest($1::text[], $2::text[]) AS r(scope, key)
       ON k.scope = r.scope AND k.key = r.key
     WHERE ${live('k', '$3')}`,
    [requests.map((r) => r.scope), requests.map((r) => r.key), ttlSeconds],
  );
  return new Map(
    rows.map((row) => [
      keyIdOf(row),
      {
        fingerprint: row.fingerprint,
        answer: { status: row.response_status, body: row.response_body },
      },
    ]),
  );
}

/**
 * Deletes the expired answers of these keys, so an append that met one (IdempotencyKeyTaken)
 * can keep its own. Returns how many were deleted: none means a live key was in the way.
 */
export async function forgetExpiredKeys(
  db: Queryable,
  requests: readonly IdempotencyKey[],
  ttlSeconds: number,
): Promise<number> {
  if (requests.length === 0) return 0;
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys k USING unnest($1::text[], $2::text[]) AS r(scope, key)
     WHERE k.scope = r.scope AND k.key = r.key AND NOT ${live('k', '$3')}`,
    [requests.map((r) => r.scope), requests.map((r) => r.key), ttlSeconds],
  );
  return rowCount ?? 0;
}

/**
 * Deletes up to `limit` expired answers; the sweep calls it until fewer come back. There is no
 * index on created_at on purpose: it would cost every keyed command a write, while the hourly
 * scan of one day's keys is cheap.
 */
export async function deleteExpiredKeys(
  db: Queryable,
  ttlSeconds: number,
  limit: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
       SELECT ctid FROM idempotency_keys
       WHERE created_at <= now() - make_interval(secs => $1) LIMIT $2))`,
    [ttlSeconds, limit],
  );
  return rowCount ?? 0;
}
