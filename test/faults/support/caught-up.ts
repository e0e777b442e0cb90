import type { Pool } from 'pg';
import { call, login } from '../../support/http';

interface ProjectionState {
  name: string;
  lagEvents: number;
  rebuilding: boolean;
}

/**
 * Waits until every stored event has been relayed to Kafka and every supervisor projection has
 * applied everything Kafka holds. A read model that merely looks still may be a supervisor
 * that came back from a crash and has not yet rejoined its partitions.
 */
export async function caughtUp(db: Pool, supervisorUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const token = await login(supervisorUrl, 'supervisor');
  for (;;) {
    const { rows } = await db.query<{ waiting: string }>(
      `SELECT count(*) AS waiting FROM events e, relay_checkpoint c
       WHERE c.relay_name = 'outbox'
         AND (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)`,
    );
    const projections = await call<ProjectionState[]>(`${supervisorUrl}/api/projections`, {
      token,
    }).catch(() => undefined);
    const lagging = (projections?.status === 200 ? projections.body : [])
      .filter((p) => p.lagEvents > 0 || p.rebuilding)
      .map((p) => `${p.name} ${p.lagEvents}`);
    const behind = `unrelayed ${rows[0]?.waiting}; projections behind: ${lagging.join(', ') || 'none'}`;
    if (rows[0]?.waiting === '0' && projections?.status === 200 && !lagging.length) return;
    if (Date.now() > deadline) throw new Error(`not caught up in ${timeoutMs} ms: ${behind}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
