import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookkeeping of the projection runner. Stream positions and dead letters are keyed by table
 * set (a projection's name, or `<name>__rebuild` for a shadow being rebuilt), so a rebuild
 * keeps its own and hands them over at the swap.
 */
export class CreateProjectionTables1732600000000 implements MigrationInterface {
  name = 'CreateProjectionTables1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_stream_position (
        table_set text   NOT NULL,
        stream_id text   NOT NULL,
        version   int    NOT NULL,
        PRIMARY KEY (table_set, stream_id)
      )`);
    // "offset" is the next offset to read, as Kafka counts committed offsets.
    await q.query(`
      CREATE TABLE projection_checkpoint (
        projection       text        NOT NULL,
        topic            text        NOT NULL,
        partition        int         NOT NULL,
        "offset"         bigint      NOT NULL,
        last_position    bigint,
        last_occurred_at timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, topic, partition)
      )`);
    await q.query(`
      CREATE TABLE projection_dead_letter (
        id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        projection   text        NOT NULL,
        table_set    text        NOT NULL,
        event        jsonb       NOT NULL,
        error        text        NOT NULL,
        attempts     int         NOT NULL,
        parked_at    timestamptz NOT NULL DEFAULT now(),
        replayed_at  timestamptz,
        discarded_at timestamptz
      )`);
    await q.query(`
      CREATE INDEX projection_dead_letter_waiting ON projection_dead_letter (projection)
      WHERE replayed_at IS NULL AND discarded_at IS NULL`);
    // The first projection: events per stream. It proves the runner end to end on every topic.
    await q.query(`
      CREATE TABLE event_count_by_stream (
        stream_id    text   PRIMARY KEY,
        events       int    NOT NULL,
        last_version int    NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE event_count_by_stream');
    await q.query('DROP TABLE projection_dead_letter');
    await q.query('DROP TABLE projection_checkpoint');
    await q.query('DROP TABLE projection_stream_position');
  }
}
