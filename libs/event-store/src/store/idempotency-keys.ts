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

/** The stored answer of an earlier identical request; a different request with the key throws. */
export async function findAnswer(
  db: Queryable,
  request: IdempotencyKey,
): Promise<CommandAnswer | undefined> {
  const { rows } = await db.query<{
    fingerprint: string;
    response_status: number;
    response_body: unknown;
  }>(
    `SELECT fingerprint, response_status, response_body FROM idempotency_keys
     WHERE scope = $1 AND key = $2`,
    [request.scope, request.key],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused();
  return { status: row.response_status, body: row.response_body };
}

export async function saveAnswer(
  db: Queryable,
  request: IdempotencyKey,
  answer: CommandAnswer,
): Promise<void> {
  await db.query(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body)
     VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [
      request.scope,
      request.key,
      request.fingerprint,
      answer.status,
      answer.body === undefined ? null : JSON.stringify(answer.body),
    ],
  );
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
       ON k.scope = r.scope AND k.key = r.key`,
    [requests.map((r) => r.scope), requests.map((r) => r.key)],
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
