import type { Pool } from 'pg';
import { noticeOf } from '../../../libs/notifications/src/domain/notice-of-event';
import { openedRows } from '../../support/opened-log';

export interface SmsAudit {
  worthy: number;
  missing: string[];
  /** Sent more often than the notifier claimed it: two sends from one claim. */
  repeated: string[];
  /**
   * Asked of the provider again after a crash left the first answer unknown. The provider
   * keeps one message per id (the sandbox does, as a gateway with a client reference does),
   * so the resident still gets one message; the figure says how often it happened.
   */
  askedAgain: number;
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
  const worthy = (await openedRows(db, rows)).flatMap((e) => {
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
    const { rows: sent } = await db.query<{ message_id: string; calls: number; attempts: number }>(
      `SELECT s.message_id, s.calls, coalesce(m.attempts, 0) AS attempts
       FROM sms_sandbox_message s LEFT JOIN sms_message m USING (message_id)
       WHERE s.message_id = ANY($1)`,
      [ids],
    );
    const seen = new Map(sent.map((r) => [r.message_id, r]));
    const missing = worthy
      .filter((n) => !seen.has(n.messageId))
      .map((n) => `${n.eventType} ${n.eventId}`);
    const repeated = sent
      .filter((r) => r.calls > Math.max(1, r.attempts))
      .map((r) => `${r.message_id} ×${r.calls} in ${r.attempts} attempt(s)`);
    const askedAgain = sent.filter((r) => r.calls > 1).length;
    if ((!missing.length && !repeated.length) || Date.now() > deadline)
      return { worthy: worthy.length, missing, repeated, askedAgain };
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
