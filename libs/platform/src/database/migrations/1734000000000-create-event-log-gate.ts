import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gate's first form, after `CREATE FUNCTION event_log_gate()`; a later down restores it. */
export const EVENT_LOG_GATE_IN_SQL = `RETURNS xid8 LANGUAGE sql STABLE AS $$
        WITH snap AS (SELECT pg_current_snapshot() AS s)
        SELECT coalesce(
          (SELECT min(x) FROM snap, pg_snapshot_xip(snap.s) AS x
           WHERE x::text::bigint % 4294967296 NOT IN (
             SELECT backend_xid::text::bigint FROM pg_stat_activity
             WHERE backend_xid IS NOT NULL AND application_name LIKE 'service-circle-off-log-%')),
          (SELECT pg_snapshot_xmax(s) FROM snap))
      $$`;

/**
 * The gate of every whole-log read (see read-events.ts in the event store): the oldest
 * transaction that may still append to the log. PostgreSQL's own xmin counts every running
 * transaction, and the read models' transactions, which run all the time and never append,
 * held every event behind them. Connections named `service-circle-off-log-…` are left out, and
 * the log refuses their appends, so leaving them out can never let the relay pass an event.
 *
 * A transaction's xid is matched in pg_stat_activity by its low 32 bits (the epoch is not
 * shown there); running transactions lie within 2^31 of each other, so that is exact. One
 * that ended between the snapshot and the lookup is not found and keeps the gate: too early a
 * gate only makes the relay wait.
 */
export class CreateEventLogGate1734000000000 implements MigrationInterface {
  name = 'CreateEventLogGate1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION event_log_gate() ${EVENT_LOG_GATE_IN_SQL}`);
    await q.query(`
      CREATE FUNCTION refuse_off_log_appends() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('application_name') LIKE 'service-circle-off-log-%' THEN
          RAISE EXCEPTION 'connection % never appends to the log: the relay does not wait for it',
            current_setting('application_name');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_refuse_off_log_appends BEFORE INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_off_log_appends()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER events_refuse_off_log_appends ON events');
    await q.query('DROP FUNCTION refuse_off_log_appends()');
    await q.query('DROP FUNCTION event_log_gate()');
  }
}
