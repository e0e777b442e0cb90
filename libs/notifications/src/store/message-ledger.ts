import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DeliveryStatus } from '../domain/delivery-status';
import { SMS_POOL } from './sms-pool';

/** A message as admins and supervisors read it, phone masked by the caller. */
export interface MessageRecord {
  readonly messageId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly phone: string;
  readonly language: string;
  readonly text: string;
  readonly parts: number;
  readonly provider: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly reason: string | null;
  readonly queuedAt: Date;
  readonly sentAt: Date | null;
  readonly settledAt: Date | null;
}

/** A message whose job BullMQ should hold, as the record has it. */
export interface WaitingMessage {
  readonly messageId: string;
  readonly urgent: boolean;
  readonly eventAt: Date;
  readonly notBefore: Date | null;
}

const RECORD_COLUMNS = `message_id AS "messageId", event_id AS "eventId", event_type AS "eventType",
  phone, language, text, parts, provider, status, attempts, reason, queued_at AS "queuedAt",
  sent_at AS "sentAt", settled_at AS "settledAt"`;

/** Everything after the send: delivery reports, admins' retries, the sweep, the listings. */
@Injectable()
export class MessageLedger {
  constructor(@Inject(SMS_POOL) private readonly db: Pool) {}

  /** A provider's delivery report; only moves a message forward. True when it changed one. */
  async report(
    messageId: string,
    status: 'delivered' | 'failed',
    reason: string | null,
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE sms_message SET status = $2, reason = $3, settled_at = $4, updated_at = $4
       WHERE message_id = $1 AND status IN ('attempting', 'sent')`,
      [messageId, status, reason, now],
    );
    return (rowCount ?? 0) > 0;
  }

  /** An admin asks for a failed message again; a sent one is never reopened. */
  async reopen(messageId: string, now: Date): Promise<WaitingMessage | undefined> {
    const { rows } = await this.db.query<WaitingMessage>(
      `UPDATE sms_message SET status = 'queued', reason = NULL, settled_at = NULL, updated_at = $2
       WHERE message_id = $1 AND status IN ('failed', 'rejected')
       RETURNING message_id AS "messageId", urgent, event_at AS "eventAt", not_before AS "notBefore"`,
      [messageId, now],
    );
    return rows[0];
  }

  /** Messages not settled and untouched since `before`: their jobs may be gone from Redis. */
  async stranded(before: Date, limit: number): Promise<WaitingMessage[]> {
    const { rows } = await this.db.query<WaitingMessage>(
      `SELECT message_id AS "messageId", urgent, event_at AS "eventAt", not_before AS "notBefore"
       FROM sms_message
       WHERE status IN ('queued', 'attempting') AND updated_at < $1
       ORDER BY updated_at LIMIT $2`,
      [before, limit],
    );
    return rows;
  }

  /** Marks a stranded message as looked at, so the next sweep passes it by for a while. */
  async touch(messageIds: readonly string[], now: Date): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET updated_at = $2
       WHERE message_id = ANY($1) AND status IN ('queued', 'attempting')`,
      [messageIds, now],
    );
  }

  async forPhone(phone: string, limit: number): Promise<MessageRecord[]> {
    const { rows } = await this.db.query<MessageRecord>(
      `SELECT ${RECORD_COLUMNS} FROM sms_message WHERE phone = $1
       ORDER BY queued_at DESC LIMIT $2`,
      [phone, limit],
    );
    return rows;
  }

  async one(messageId: string): Promise<MessageRecord | undefined> {
    const { rows } = await this.db.query<MessageRecord>(
      `SELECT ${RECORD_COLUMNS} FROM sms_message WHERE message_id = $1`,
      [messageId],
    );
    return rows[0];
  }
}
