import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is on record, to find a person at the counter by name and birth date or by phone (the ID
 * number needs no index: it names the person's stream). Fed by the projection
 * `enrollment_person_index` from `circle.enrollment`. Unlike the supervisor's tables the name and
 * phone are whole here: the clerk must tell two people of one name apart, and asks for the phone.
 */
export class CreatePersonIndex1733820000000 implements MigrationInterface {
  name = 'CreatePersonIndex1733820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enrollment_person (
        resident_id text        PRIMARY KEY,
        name        text        NOT NULL,
        name_key    text        NOT NULL,
        birth_date  date        NOT NULL,
        sex         text        NOT NULL,
        phone       text,
        updated_at  timestamptz NOT NULL
      )`);
    await q.query(
      'CREATE INDEX enrollment_person_name ON enrollment_person (name_key, birth_date)',
    );
    await q.query('CREATE INDEX enrollment_person_phone ON enrollment_person (phone)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE enrollment_person');
  }
}
