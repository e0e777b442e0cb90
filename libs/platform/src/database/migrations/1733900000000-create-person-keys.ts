import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One key per person for the personal fields of their events (crypto-shredding): deleting the
 * row erases the person from every copy of the log. Keys are stored sealed by the master key.
 * `person_erasures` keeps who was erased, so no fresh key is made for them afterwards.
 */
export class CreatePersonKeys1733900000000 implements MigrationInterface {
  name = 'CreatePersonKeys1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_keys (
        person_id   text        PRIMARY KEY,
        wrapped_key text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE person_erasures (
        person_id text        PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE person_erasures');
    await q.query('DROP TABLE person_keys');
  }
}
