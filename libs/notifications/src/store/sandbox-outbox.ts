import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DeliveryStatus } from '../domain/delivery-status';
import { SMS_POOL } from './sms-pool';

export interface OutboxEntry {
  readonly messageId: string;
  readonly eventId: string | null;
  readonly phone: string;
  readonly text: string;
  readonly parts: number;
  readonly status: DeliveryStatus | null;
  readonly receivedAt: Date;
  readonly calls: number;
}

/**
 * What the sandbox provider received. A second call with the same message id is counted, not
 * delivered again: the sandbox honours idempotency keys as a careful gateway does, and the
 * count shows whether the notifier ever called twice.
 */
@Injectable()
export class SandboxOutbox {
  constructor(@Inject(SMS_POOL) private readonly db: Pool) {}

  async receive(
    message: { messageId: string; phone: string; text: string; parts: number },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO sms_sandbox_message AS s (message_id, phone, text, parts, received_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO UPDATE SET calls = s.calls + 1`,
      [message.messageId, message.phone, message.text, message.parts, now],
    );
  }

  async forPhone(phone: string, limit: number): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxEntry>(
      `SELECT s.message_id AS "messageId", m.event_id AS "eventId", s.phone, s.text, s.parts,
              m.status, s.received_at AS "receivedAt", s.calls
       FROM sms_sandbox_message s LEFT JOIN sms_message m USING (message_id)
       WHERE s.phone = $1 ORDER BY s.received_at DESC LIMIT $2`,
      [phone, limit],
    );
    return rows;
  }
}
