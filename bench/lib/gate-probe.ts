import { Client } from 'pg';
import { repeatUntilStopped } from './repeat';

/** The age of the oldest writing transaction at each look, and the database of the oldest. */
export interface GateLooks {
  readonly agesMs: number[];
  readonly longest: { ms: number; database: string };
}

export interface GateProbe {
  stop(): Promise<GateLooks>;
}

/**
 * The relay publishes only below the oldest transaction still running on the whole PostgreSQL
 * server (see libs/event-store/README.md), so a write transaction held open anywhere, in any
 * database, holds every event behind it. Looking every `everyMs` at the oldest one tells a lag
 * that came from such a transaction from one the path itself made.
 */
export async function startGateProbe(databaseUrl: string, everyMs = 50): Promise<GateProbe> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const agesMs: number[] = [];
  const longest = { ms: 0, database: '' };
  const stopLooking = repeatUntilStopped(async () => {
    const { rows } = await db.query<{ ms: number; database: string }>(
      `SELECT extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS ms, datname AS database
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL ORDER BY xact_start LIMIT 1`,
    );
    const oldest = rows[0];
    agesMs.push(oldest ? Number(oldest.ms) : 0);
    if (oldest && Number(oldest.ms) > longest.ms)
      Object.assign(longest, { ms: Number(oldest.ms), database: oldest.database });
  }, everyMs);
  return {
    async stop() {
      await stopLooking();
      await db.end();
      return { agesMs, longest };
    },
  };
}
