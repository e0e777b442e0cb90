import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Language } from '../domain/language';
import { Coalescer, STATEMENTS_IN_FLIGHT } from './coalescer';
import {
  claimAll,
  markAllSent,
  type Claim,
  type ClaimRequest,
  type SentReport,
} from './message-claims';
import { SMS_POOL } from './sms-pool';

export type { Claim, ClaimedMessage } from './message-claims';

/** A worded message about to be queued. */
export interface MessageToQueue {
  readonly messageId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventAt: Date;
  readonly phone: string;
  readonly language: Language;
  readonly text: string;
  readonly parts: number;
  readonly urgent: boolean;
  /** Quiet hours hold it until then; null sends at once. */
  readonly notBefore: Date | null;
}

const columns = (rows: readonly MessageToQueue[]) => [
  rows.map((r) => r.messageId),
  rows.map((r) => r.eventId),
  rows.map((r) => r.eventType),
  rows.map((r) => r.eventAt),
  rows.map((r) => r.phone),
  rows.map((r) => r.language),
  rows.map((r) => r.text),
  rows.map((r) => r.parts),
  rows.map((r) => r.urgent),
  rows.map((r) => r.notBefore),
];

/**
 * The one record of what is sent, checked before every send. A message is written `queued`
 * before it reaches BullMQ and marked `attempting` before the provider is called, so neither a
 * Kafka redelivery, nor a job Redis lost, nor a crash between the call and its answer sends it
 * a second time unnoticed.
 */
@Injectable()
export class SmsMessages {
  private readonly claims: Coalescer<ClaimRequest, Claim>;
  private readonly sent: Coalescer<SentReport, true>;

  constructor(@Inject(SMS_POOL) private readonly db: Pool) {
    this.claims = new Coalescer((items) => claimAll(db, items), STATEMENTS_IN_FLIGHT);
    this.sent = new Coalescer((items) => markAllSent(db, items), STATEMENTS_IN_FLIGHT);
  }

  /**
   * Writes the messages not yet known and returns those still waiting for a job: the new ones
   * and any queued earlier whose job may never have reached Redis.
   */
  async record(rows: readonly MessageToQueue[], provider: string, now: Date): Promise<string[]> {
    if (rows.length === 0) return [];
    const { rows: waiting } = await this.db.query<{ message_id: string }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[],
                              $6::text[], $7::text[], $8::int[], $9::bool[], $10::timestamptz[])
           AS t(message_id, event_id, event_type, event_at, phone, language, text, parts, urgent, not_before)
       ), added AS (
         INSERT INTO sms_message (message_id, event_id, event_type, event_at, phone, language, text,
                                  parts, urgent, provider, status, not_before, queued_at, updated_at)
         SELECT message_id, event_id, event_type, event_at, phone, language, text, parts, urgent,
                $11, 'queued', not_before, $12, $12
         FROM input
         ON CONFLICT (message_id) DO NOTHING
         RETURNING message_id
       )
       SELECT message_id FROM added
       UNION
       SELECT m.message_id FROM sms_message m JOIN input USING (message_id) WHERE m.status = 'queued'`,
      [...columns(rows), provider, now],
    );
    return waiting.map((r) => r.message_id);
  }

  /** Marks one attempt before the provider call, unless the message is settled or unwanted. */
  claim(messageId: string, now: Date): Promise<Claim> {
    return this.claims.run({ key: messageId, now });
  }

  /** What the provider accepted; a provider's word that it sent wins over an earlier guess. */
  async markSent(
    messageId: string,
    status: 'sent' | 'delivered',
    providerMessageId: string | null,
    now: Date,
  ): Promise<void> {
    await this.sent.run({ key: messageId, status, providerMessageId, now });
  }

  /** The attempt did not reach the provider: the message waits for its next try as before. */
  async markWaiting(messageId: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET status = 'queued', reason = $2, updated_at = $3
       WHERE message_id = $1 AND status = 'attempting'`,
      [messageId, reason, now],
    );
  }

  /** The attempt may have reached the provider: it stays marked, with what is known. */
  async markUnanswered(messageId: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET reason = $2, updated_at = $3
       WHERE message_id = $1 AND status = 'attempting'`,
      [messageId, reason, now],
    );
  }

  /** Gives a claim back untried (the provider's circuit was open). */
  async release(messageId: string, wasUnanswered: boolean, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET status = $2, attempts = attempts - 1, updated_at = $3
       WHERE message_id = $1 AND status = 'attempting'`,
      [messageId, wasUnanswered ? 'attempting' : 'queued', now],
    );
  }

  async settle(
    messageId: string,
    status: 'failed' | 'rejected',
    reason: string,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET status = $2, reason = $3, settled_at = $4, updated_at = $4
       WHERE message_id = $1 AND status IN ('queued', 'attempting')`,
      [messageId, status, reason, now],
    );
  }
}
