import { Client } from 'pg';
import { summarise } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SMS for the events of a wall-clock window: from each event's time (`sms_message.event_at`) to
 * the sandbox's receipt. Waits first until every message of the window is in the sandbox, or
 * until none arrived for `quietMs`, so a slow tail is counted rather than cut.
 */
export async function smsDelivery(
  databaseUrl: string,
  window: { from: Date; to: Date },
  quietMs = 15_000,
) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const count = async () => {
      const { rows } = await db.query<{ messages: string; received: string; twice: string }>(
        `SELECT count(*) AS messages, count(s.message_id) AS received,
                count(*) FILTER (WHERE s.calls > 1) AS twice
         FROM sms_message m LEFT JOIN sms_sandbox_message s USING (message_id)
         WHERE m.event_at >= $1 AND m.event_at < $2`,
        [window.from, window.to],
      );
      const [row] = rows;
      return {
        messages: Number(row?.messages),
        received: Number(row?.received),
        twice: Number(row?.twice),
      };
    };
    const started = performance.now();
    let last = await count();
    let changed = performance.now();
    while (last.received < last.messages && performance.now() - changed < quietMs) {
      await sleep(500);
      const now = await count();
      if (now.received !== last.received) changed = performance.now();
      last = now;
    }
    const { rows } = await db.query<{ ms: string }>(
      `SELECT extract(epoch FROM s.received_at - m.event_at) * 1000 AS ms
       FROM sms_message m JOIN sms_sandbox_message s USING (message_id)
       WHERE m.event_at >= $1 AND m.event_at < $2`,
      [window.from, window.to],
    );
    return {
      ...last,
      latency: summarise(rows.map((r) => Number(r.ms))),
      drainedMs: performance.now() - started,
    };
  } finally {
    await db.end();
  }
}
