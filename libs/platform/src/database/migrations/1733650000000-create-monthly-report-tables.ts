import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly report's read model, kept by the projection `monthly_report` inside the
 * supervisor: one row per fact it counts (a settlement, a contribution payment, a year of cover
 * begun, a completed service), summed per Asia/Shanghai month when a report is asked for.
 * Months are `YYYY-MM` text; money is bigint fen.
 */
export class CreateMonthlyReportTables1733650000000 implements MigrationInterface {
  name = 'CreateMonthlyReportTables1733650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_settlement (
        settlement_id   text   PRIMARY KEY,
        month           text   NOT NULL,
        station_id      text   NOT NULL,
        region          text   NOT NULL,
        setting         text   NOT NULL,
        scheme          text   NOT NULL,
        source          text   NOT NULL,
        total_fen       bigint NOT NULL,
        fund_fen        bigint NOT NULL,
        assistance_fen  bigint NOT NULL,
        reversed_month  text
      )`);
    await q.query('CREATE INDEX report_settlement_month ON report_settlement (month)');
    await q.query(`CREATE INDEX report_settlement_reversed ON report_settlement (reversed_month)
      WHERE reversed_month IS NOT NULL`);
    await q.query(`
      CREATE TABLE report_assessment (
        person_year     text   PRIMARY KEY,
        region          text   NOT NULL,
        individual_fen  bigint NOT NULL,
        subsidy_fen     bigint NOT NULL,
        waived_fen      bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE report_contribution (
        entry_id     text   PRIMARY KEY,
        kind         text   NOT NULL CHECK (kind IN ('payment', 'coverage')),
        person_year  text   NOT NULL,
        month        text   NOT NULL,
        station_id   text   NOT NULL,
        amount_fen   bigint NOT NULL
      )`);
    await q.query('CREATE INDEX report_contribution_month ON report_contribution (month)');
    await q.query(`
      CREATE TABLE report_service (
        ticket_id   text PRIMARY KEY,
        month       text NOT NULL,
        station_id  text NOT NULL,
        business    text NOT NULL,
        outcome     text NOT NULL
      )`);
    await q.query('CREATE INDEX report_service_month ON report_service (month, station_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'report_service',
      'report_contribution',
      'report_assessment',
      'report_settlement',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
