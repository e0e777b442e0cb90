import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1732300000000 implements MigrationInterface {
  name = 'CreateUsers1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        username      text PRIMARY KEY,
        password_hash text NOT NULL,
        role          text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        station_id    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'clerk') = (station_id IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE app_user');
  }
}
