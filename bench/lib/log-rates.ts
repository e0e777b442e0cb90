import { Client } from 'pg';

/**
 * Events appended to the log per second over a wall-clock window, and over its slowest
 * `stepMs` stretch, by each event's `occurred_at` (its append transaction's start).
 */
export async function appendedRates(
  databaseUrl: string,
  window: { from: Date; to: Date },
  stepMs = 5_000,
): Promise<{ perSecond: number; slowest: number; events: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ step: number; n: string }>(
      `SELECT floor(extract(epoch FROM occurred_at - $1::timestamptz) * 1000 / $3)::int AS step,
              count(*) AS n
       FROM events WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 1`,
      [window.from, window.to, stepMs],
    );
    const steps = Math.floor((window.to.getTime() - window.from.getTime()) / stepMs);
    const counts = new Map(rows.map((r) => [r.step, Number(r.n)]));
    const events = rows.reduce((sum, r) => sum + Number(r.n), 0);
    let slowest = Number.POSITIVE_INFINITY;
    for (let step = 0; step < steps; step++)
      slowest = Math.min(slowest, ((counts.get(step) ?? 0) * 1000) / stepMs);
    const seconds = (window.to.getTime() - window.from.getTime()) / 1000;
    return { perSecond: events / seconds, slowest, events };
  } finally {
    await db.end();
  }
}
