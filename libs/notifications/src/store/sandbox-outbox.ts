import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DeliveryStatus } from '../domain/delivery-status';
import { Coalescer, STATEMENTS_IN_FLIGHT } from './coalescer';
import { SMS_POOL } from './sms-pool';

interface Receipt {
  readonly key: string;
  readonly phone: string;
  readonly text: string;
  readonly parts: number;
  readonly now: Date;
}

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
  private readonly receipts: Coalescer<Receipt, true>;

  constructor(@Inject(SMS_POOL) private readonly db: Pool) {
    this.receipts = new Coalescer((items) => this.receiveAll(items), STATEMENTS_IN_FLIGHT);
  }

  async receive(
    message: Omit<Receipt, 'key' | 'now'> & { messageId: string },
    now: Date,
  ): Promise<void> {
    await this.receipts.run({ ...message, key: message.messageId, now });
  }

  private async receiveAll(items: readonly Receipt[]): Promise<Map<string, true>> {
    const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : 1));
    await this.db.query(
      `INSERT INTO sms_sandbox_message AS s (message_id, phone, text, parts, received_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
       ON CONFLICT (message_id) DO UPDATE SET calls = s.calls + 1`,
      [
        sorted.map((r) => r.key),
        sorted.map((r) => r.phone),
        sorted.map((r) => r.text),
        sorted.map((r) => r.parts),
        sorted.map((r) => r.now),
      ],
    );
    return new Map(items.map((r) => [r.key, true]));
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
