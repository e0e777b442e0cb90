import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisors' audit view lists events newest first by station or by actor, from the
 * metadata every event carries. Two indexes, not one per filter combination: each costs every
 * append a little, and the time window is narrowed within the station's or actor's entries.
 */
export class EventsAuditIndexes1733510000000 implements MigrationInterface {
  name = 'EventsAuditIndexes1733510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_audit_station ON events ((metadata ->> 'stationId'), global_position)`,
    );
    await q.query(
      `CREATE INDEX events_audit_actor ON events ((metadata ->> 'actor'), global_position)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX events_audit_actor');
    await q.query('DROP INDEX events_audit_station');
  }
}
