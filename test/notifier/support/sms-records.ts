import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { eventLogId } from '@circle/event-store';
import { TEST_DATABASE_URL } from '../../support/test-env';

export interface MessageRow {
  message_id: string;
  status: string;
  attempts: number;
  reason: string | null;
  not_before: Date | null;
  text: string;
}

export interface SandboxRow {
  message_id: string;
  phone: string;
  calls: number;
  received_at: Date;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

/** The notifier's tables in the test database, read as a test checks them. */
export class SmsRecords {
  readonly db = new Pool({ connectionString: TEST_DATABASE_URL, max: 3 });

  logId(): Promise<string> {
    return eventLogId(this.db);
  }

  /** The BullMQ prefix the notifier takes for this database (queue-prefix.ts). */
  async queue(name: string): Promise<Queue> {
    const prefix = `sms.${(await this.logId()).replace(/[^A-Za-z0-9._-]/g, '-')}`;
    return new Queue(name, {
      connection: { url: 'redis://127.0.0.1:6379', maxRetriesPerRequest: null },
      prefix,
    });
  }

  async sandbox(messageIds: readonly string[]): Promise<SandboxRow[]> {
    const { rows } = await this.db.query<SandboxRow>(
      'SELECT message_id, phone, calls, received_at FROM sms_sandbox_message WHERE message_id = ANY($1)',
      [messageIds],
    );
    return rows;
  }

  async messages(messageIds: readonly string[]): Promise<MessageRow[]> {
    const { rows } = await this.db.query<MessageRow>(
      `SELECT message_id, status, attempts, reason, not_before, text
       FROM sms_message WHERE message_id = ANY($1)`,
      [messageIds],
    );
    return rows;
  }

  async message(messageId: string): Promise<MessageRow | undefined> {
    return (await this.messages([messageId]))[0];
  }

  /** Settles what a test left waiting, so a later notifier's sweep does not take it up. */
  async settleLeftovers(messageIds: readonly string[]): Promise<void> {
    await this.db.query(
      `UPDATE sms_message SET status = 'failed', reason = 'test finished', updated_at = now()
       WHERE message_id = ANY($1) AND status IN ('queued', 'attempting')`,
      [messageIds],
    );
  }

  close(): Promise<void> {
    return this.db.end();
  }
}
