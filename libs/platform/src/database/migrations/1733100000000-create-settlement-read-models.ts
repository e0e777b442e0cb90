import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-stop settlement: the log's index for finding a settlement by its id, and the
 * supervisor's read models fed from `circle.settlement` — each person's benefit year and
 * every settlement with its national fields. Money is bigint fen.
 */
export class CreateSettlementReadModels1733100000000 implements MigrationInterface {
  name = 'CreateSettlementReadModels1733100000000';

  async up(q: QueryRunner): Promise<void> {
    // A settlement id does not spell its stream (that would put an ID number in every URL).
    await q.query(`
      CREATE INDEX events_settlement_id ON events ((data ->> 'settlementId'))
      WHERE event_type = 'settlement.BillSettled'`);
    await q.query(`
      CREATE TABLE settlement_benefit_year (
        resident_id                   text        NOT NULL,
        year                          int         NOT NULL,
        deductibles_fen               bigint      NOT NULL DEFAULT 0,
        basic_fund_fen                bigint      NOT NULL DEFAULT 0,
        critical_illness_fen          bigint      NOT NULL DEFAULT 0,
        large_expense_fen             bigint      NOT NULL DEFAULT 0,
        assistance_fen                bigint      NOT NULL DEFAULT 0,
        specific_drug_fen             bigint      NOT NULL DEFAULT 0,
        outpatient_fen                bigint      NOT NULL DEFAULT 0,
        in_scope_personal_burden_fen  bigint      NOT NULL DEFAULT 0,
        admissions                    int         NOT NULL DEFAULT 0,
        totals                        jsonb       NOT NULL,
        updated_at                    timestamptz NOT NULL,
        PRIMARY KEY (resident_id, year)
      )`);
    await q.query(`
      CREATE TABLE settlement_record (
        settlement_id   text        PRIMARY KEY,
        resident_id     text        NOT NULL,
        year            int         NOT NULL,
        admission_id    text        NOT NULL,
        station_id      text        NOT NULL,
        source          text        NOT NULL,
        claim_id        text,
        setting         text        NOT NULL,
        tier            int         NOT NULL,
        scheme          text        NOT NULL,
        policy_version  text        NOT NULL,
        medfee_sumamt   bigint      NOT NULL,
        inscp_scp_amt   bigint      NOT NULL,
        act_pay_dedc    bigint      NOT NULL,
        hifp_pay        bigint      NOT NULL,
        hifmi_pay       bigint      NOT NULL,
        hifob_pay       bigint      NOT NULL,
        maf_pay         bigint      NOT NULL,
        psn_cash_pay    bigint      NOT NULL,
        settled_at      timestamptz NOT NULL,
        treated_on      date        NOT NULL,
        reversed_at     timestamptz,
        reversal_reason text
      )`);
    await q.query('CREATE INDEX settlement_record_person ON settlement_record (resident_id, year)');
    await q.query(
      'CREATE INDEX settlement_record_station ON settlement_record (station_id, settled_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE settlement_record');
    await q.query('DROP TABLE settlement_benefit_year');
    await q.query('DROP INDEX events_settlement_id');
  }
}
