import { Client } from 'pg';
import { repeatUntilStopped } from './repeat';

export interface VisibilityProbe {
  /** A settlement answered 201 at `answeredAt` (performance.now()); it is watched until its row appears. */
  answered(settlementId: string, answeredAt: number): void;
  /** Waits until every watched row appeared (or `timeoutMs` passed); the lags in ms, and how many never appeared. */
  stop(timeoutMs: number): Promise<{ lags: number[]; missing: number }>;
}

/**
 * The time from a 201 to its row in the supervisor's `settlement_record`, which the projection
 * writes from Kafka: every `everyMs` one query asks which of the watched ids are there now. A
 * row first seen by a poll sent at t was not there at the previous poll, so the lag taken as
 * t − answer overstates the true one by at most the gap between polls (everyMs + one query).
 */
export async function startVisibilityProbe(
  databaseUrl: string,
  everyMs = 5,
): Promise<VisibilityProbe> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const pending = new Map<string, number>();
  const lags: number[] = [];
  const poll = async () => {
    if (pending.size === 0) return;
    const ids = [...pending.keys()];
    const sent = performance.now();
    const { rows } = await db.query<{ settlement_id: string }>(
      'SELECT settlement_id FROM settlement_record WHERE settlement_id = ANY($1::text[])',
      [ids],
    );
    for (const { settlement_id: id } of rows) {
      lags.push(sent - (pending.get(id) ?? sent));
      pending.delete(id);
    }
  };
  const stopPolling = repeatUntilStopped(poll, everyMs);
  return {
    answered(settlementId, answeredAt) {
      pending.set(settlementId, answeredAt);
    },
    async stop(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (pending.size > 0 && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await stopPolling();
      await db.end();
      return { lags, missing: pending.size };
    },
  };
}

export async function countRows(databaseUrl: string, table: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await db.end();
  }
}

/** Counts `table` every 100 ms until it holds `expected` rows; the ms waited, -1 if it never did. */
export async function waitForRows(
  databaseUrl: string,
  table: string,
  expected: number,
  timeoutMs: number,
): Promise<{ waitedMs: number; rows: number }> {
  const started = performance.now();
  for (;;) {
    const rows = await countRows(databaseUrl, table);
    if (rows >= expected) return { waitedMs: performance.now() - started, rows };
    if (performance.now() - started > timeoutMs) return { waitedMs: -1, rows };
    await new Promise((r) => setTimeout(r, 100));
  }
}
