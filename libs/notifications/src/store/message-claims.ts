import type { Pool } from 'pg';
import type { DeliveryStatus } from '../domain/delivery-status';

/** A message as the worker takes it, once it has marked the attempt. */
export interface ClaimedMessage {
  readonly messageId: string;
  readonly phone: string;
  readonly text: string;
  readonly parts: number;
  readonly eventAt: Date;
  readonly attempts: number;
}

export type Claim =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'settled'; readonly status: DeliveryStatus }
  | { readonly kind: 'opted-out' }
  | {
      readonly kind: 'claimed';
      /** An earlier attempt was marked and never answered: it may have reached the provider. */
      readonly afterUnknownOutcome: boolean;
      readonly message: ClaimedMessage;
    };

export interface ClaimRequest {
  readonly key: string;
  readonly now: Date;
}

export interface SentReport {
  readonly key: string;
  readonly status: 'sent' | 'delivered';
  readonly providerMessageId: string | null;
  readonly now: Date;
}

interface ClaimRow {
  message_id: string;
  previous: DeliveryStatus;
  phone: string;
  text: string;
  parts: number;
  event_at: Date;
  opted_out: boolean;
  attempts: number | null;
}

const byKey = <T extends { key: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

function claimOf(row: ClaimRow | undefined): Claim {
  if (!row) return { kind: 'unknown' };
  const settled = row.previous !== 'queued' && row.previous !== 'attempting';
  if (row.attempts === null)
    return row.opted_out && !settled
      ? { kind: 'opted-out' }
      : { kind: 'settled', status: row.previous };
  return {
    kind: 'claimed',
    afterUnknownOutcome: row.previous === 'attempting',
    message: {
      messageId: row.message_id,
      phone: row.phone,
      text: row.text,
      parts: row.parts,
      eventAt: row.event_at,
      attempts: row.attempts,
    },
  };
}

/**
 * Marks an attempt on each message not settled and not opted out, in one statement. Rows are
 * locked in key order, so two statements meeting on a row queue up instead of deadlocking.
 */
export async function claimAll(
  db: Pool,
  items: readonly ClaimRequest[],
): Promise<Map<string, Claim>> {
  const sorted = byKey(items);
  const { rows } = await db.query<ClaimRow>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS t(message_id, now)
     ), current AS (
       SELECT m.message_id, m.status, m.phone, m.text, m.parts, m.event_at, i.now,
              EXISTS (SELECT 1 FROM sms_recipient r
                      WHERE r.phone = m.phone AND r.opted_out_at IS NOT NULL) AS opted_out
       FROM sms_message m JOIN input i USING (message_id)
       ORDER BY m.message_id
       FOR UPDATE OF m
     ), claimed AS (
       UPDATE sms_message m
       SET status = 'attempting', attempts = m.attempts + 1, attempted_at = c.now, updated_at = c.now
       FROM current c
       WHERE m.message_id = c.message_id AND c.status IN ('queued', 'attempting') AND NOT c.opted_out
       RETURNING m.message_id, m.attempts
     )
     SELECT c.message_id, c.status AS previous, c.phone, c.text, c.parts, c.event_at, c.opted_out,
            cl.attempts
     FROM current c LEFT JOIN claimed cl USING (message_id)`,
    [sorted.map((i) => i.key), sorted.map((i) => i.now)],
  );
  const found = new Map(rows.map((r) => [r.message_id, r]));
  return new Map(items.map((i) => [i.key, claimOf(found.get(i.key))]));
}

/** What the provider accepted; a provider's word that it sent wins over an earlier guess. */
export async function markAllSent(
  db: Pool,
  items: readonly SentReport[],
): Promise<Map<string, true>> {
  const sorted = byKey(items);
  await db.query(
    `UPDATE sms_message m
     SET status = v.status, provider_message_id = v.provider_message_id, reason = NULL,
         sent_at = v.now, updated_at = v.now,
         settled_at = CASE WHEN v.status = 'delivered' THEN v.now ELSE m.settled_at END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
       AS v(message_id, status, provider_message_id, now)
     WHERE m.message_id = v.message_id AND m.status NOT IN ('sent', 'delivered')`,
    [
      sorted.map((i) => i.key),
      sorted.map((i) => i.status),
      sorted.map((i) => i.providerMessageId),
      sorted.map((i) => i.now),
    ],
  );
  return new Map(items.map((i) => [i.key, true]));
}
