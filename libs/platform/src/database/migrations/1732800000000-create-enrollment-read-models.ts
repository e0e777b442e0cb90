import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's view of enrollment, fed by projections from `circle.enrollment`: coverage per
 * resident and year, employment, filings, and the items that run against a deadline
 * (qualifications, transfers). Names are masked here: the supervisor lists people, it does not
 * contact them.
 */
export class CreateEnrollmentReadModels1732800000000 implements MigrationInterface {
  name = 'CreateEnrollmentReadModels1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enrollment_coverage (
        resident_id    text        NOT NULL,
        year           int         NOT NULL,
        masked_name    text        NOT NULL,
        region         text        NOT NULL,
        category       text        NOT NULL,
        policy_version text        NOT NULL,
        individual_fen bigint      NOT NULL DEFAULT 0,
        subsidy_fen    bigint      NOT NULL DEFAULT 0,
        payable_fen    bigint      NOT NULL DEFAULT 0,
        waived_fen     bigint      NOT NULL DEFAULT 0,
        paid_fen       bigint      NOT NULL DEFAULT 0,
        active         boolean     NOT NULL DEFAULT false,
        station_id     text        NOT NULL,
        enrolled_at    timestamptz NOT NULL,
        PRIMARY KEY (resident_id, year)
      )`);
    await q.query(`
      CREATE TABLE enrollment_employment (
        resident_id   text NOT NULL,
        credit_code   text NOT NULL,
        joined_on     date NOT NULL,
        masked_name   text NOT NULL,
        employer_name text NOT NULL,
        region        text NOT NULL,
        left_on       date,
        PRIMARY KEY (resident_id, credit_code, joined_on)
      )`);
    await q.query(`
      CREATE TABLE enrollment_filing (
        filing_id            uuid        PRIMARY KEY,
        resident_id          text        NOT NULL,
        filing_type          text        NOT NULL,
        destination_region   text        NOT NULL,
        destination_hospital text,
        valid_from           date        NOT NULL,
        valid_to             date,
        station_id           text        NOT NULL,
        filed_at             timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX enrollment_filing_resident ON enrollment_filing (resident_id)');
    await q.query(`
      CREATE TABLE enrollment_qualification (
        qualification_id uuid        PRIMARY KEY,
        resident_id      text        NOT NULL,
        masked_name      text        NOT NULL,
        disease          text        NOT NULL,
        disease_name     text        NOT NULL,
        year             int         NOT NULL,
        region           text        NOT NULL,
        station_id       text        NOT NULL,
        applied_at       timestamptz NOT NULL,
        deadline         timestamptz NOT NULL,
        status           text        NOT NULL,
        decided_at       timestamptz,
        within_deadline  boolean,
        reason           text
      )`);
    await q.query(
      'CREATE INDEX enrollment_qualification_resident ON enrollment_qualification (resident_id)',
    );
    await q.query(`
      CREATE INDEX enrollment_qualification_pending ON enrollment_qualification (deadline)
      WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE enrollment_transfer (
        transfer_id     uuid        PRIMARY KEY,
        resident_id     text        NOT NULL,
        masked_name     text        NOT NULL,
        direction       text        NOT NULL,
        from_region     text        NOT NULL,
        to_region       text        NOT NULL,
        station_id      text        NOT NULL,
        requested_at    timestamptz NOT NULL,
        deadline        timestamptz NOT NULL,
        status          text        NOT NULL,
        closed_at       timestamptz,
        within_deadline boolean,
        reason          text
      )`);
    await q.query(`
      CREATE INDEX enrollment_transfer_pending ON enrollment_transfer (deadline)
      WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'enrollment_transfer',
      'enrollment_qualification',
      'enrollment_filing',
      'enrollment_employment',
      'enrollment_coverage',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
