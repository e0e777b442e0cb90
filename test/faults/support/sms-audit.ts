import type { Pool } from 'pg';
import { noticeOf } from '../../../libs/notifications/src/domain/notice-of-event';

export interface SmsAudit {
  worthy: number;
  missing: string[];
  repeated: string[];
}

/**
 * Every SMS-worthy event in the log against the sandbox's record of what it was sent, read
 * straight from the suite's own database (the outbox endpoint shows the same rows by phone).
 * Waits for the notifier to drain whatever a crash or an emptied Redis left behind.
 */
export async function auditSms(db: Pool, timeoutMs: number): Promise<SmsAudit> {
  const { rows } = await db.query<{
    event_id: string;
    event_type: string;
    occurred_at: Date;
    data: unknown;
  }>('SELECT event_id, event_type, occurred_at, data FROM events ORDER BY global_position');
  const worthy = rows.flatMap((e) => {
    const outcome = noticeOf({
      eventId: e.event_id,
      type: e.event_type,
      occurredAt: e.occurred_at,
      data: e.data,
    });
    return 'notice' in outcome ? [outcome.notice] : [];
  });
  const ids = worthy.map((n) => n.messageId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows: sent } = await db.query<{ message_id: string; calls: number }>(
      'SELECT message_id, calls FROM sms_sandbox_message WHERE message_id = ANY($1)',
      [ids],
    );
    const seen = new Map(sent.map((r) => [r.message_id, r.calls]));
    const missing = worthy
      .filter((n) => !seen.has(n.messageId))
      .map((n) => `${n.eventType} ${n.eventId}`);
    const repeated = [...seen].filter(([, calls]) => calls !== 1).map(([id, n]) => `${id} ×${n}`);
    if ((!missing.length && !repeated.length) || Date.now() > deadline)
      return { worthy: worthy.length, missing, repeated };
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
