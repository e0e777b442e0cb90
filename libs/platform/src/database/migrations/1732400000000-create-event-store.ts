import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log and what lives beside it. `transaction_id` is the appending transaction's own
 * id: the outbox relay orders and gates on it, because identity positions are handed out at
 * insert time and so do not follow commit order.
 */
export class CreateEventStore1732400000000 implements MigrationInterface {
  name = 'CreateEventStore1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id       text        NOT NULL,
        stream_version  int         NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL UNIQUE,
        event_type      text        NOT NULL,
        schema_version  int         NOT NULL CHECK (schema_version > 0),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        occurred_at     timestamptz NOT NULL DEFAULT now(),
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        UNIQUE (stream_id, stream_version)
      )`);
    await q.query('CREATE INDEX events_commit_order ON events (transaction_id, global_position)');
    // A fact, once recorded, is never rewritten: corrections are new events.
    await q.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    await q.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope           text        NOT NULL,
        key             text        NOT NULL,
        fingerprint     text        NOT NULL,
        response_status int         NOT NULL,
        response_body   jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`
      CREATE TABLE relay_checkpoint (
        relay_name      text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // schema names the state's shape, so a snapshot taken by older code is ignored, not misread.
    await q.query(`
      CREATE TABLE snapshots (
        stream_id text        PRIMARY KEY,
        version   int         NOT NULL,
        schema    text        NOT NULL,
        state     jsonb       NOT NULL,
        taken_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE snapshots');
    await q.query('DROP TABLE relay_checkpoint');
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE events');
    await q.query('DROP FUNCTION events_are_append_only()');
  }
}
