import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Walk-in read models, fed by the walkins and stations projections on the supervisor: tickets
 * of every station and day, the fairness counter per queue, stations and their counters.
 */
export class CreateWalkinsReadModels1732750000000 implements MigrationInterface {
  name = 'CreateWalkinsReadModels1732750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE walkins_ticket (
        ticket_id           text        PRIMARY KEY,
        station_id          text        NOT NULL,
        day                 date        NOT NULL,
        serial              int         NOT NULL,
        number              text        NOT NULL,
        business            text        NOT NULL,
        priority_class      text        NOT NULL,
        status              text        NOT NULL,
        arrived_at          timestamptz NOT NULL,
        issued_at           timestamptz NOT NULL,
        called_at           timestamptz,
        started_at          timestamptz,
        finished_at         timestamptz,
        counter_id          text,
        clerk               text,
        recalls             int         NOT NULL DEFAULT 0,
        reserved_counter_id text,
        transferred_from    text,
        transferred_to      text,
        outcome             text,
        record_id           text,
        service_seconds     int
      )`);
    await q.query(
      'CREATE INDEX walkins_ticket_station_day ON walkins_ticket (station_id, day, status)',
    );
    await q.query(`
      CREATE TABLE walkins_queue_day (
        station_id      text NOT NULL,
        day             date NOT NULL,
        priority_streak int  NOT NULL DEFAULT 0,
        PRIMARY KEY (station_id, day)
      )`);
    await q.query(`
      CREATE TABLE walkins_station (
        station_id     text  PRIMARY KEY,
        kind           text  NOT NULL,
        name           text  NOT NULL,
        name_en        text  NOT NULL,
        tier           int,
        location       jsonb NOT NULL,
        businesses     text[] NOT NULL,
        opening_hours  jsonb NOT NULL,
        fairness_ratio int   NOT NULL
      )`);
    await q.query(`
      CREATE TABLE walkins_counter (
        station_id text   NOT NULL,
        counter_id text   NOT NULL,
        position   int    NOT NULL,
        status     text   NOT NULL,
        skills     text[] NOT NULL,
        clerk      text,
        PRIMARY KEY (station_id, counter_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE walkins_counter');
    await q.query('DROP TABLE walkins_station');
    await q.query('DROP TABLE walkins_queue_day');
    await q.query('DROP TABLE walkins_ticket');
  }
}
