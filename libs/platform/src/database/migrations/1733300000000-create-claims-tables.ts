import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reimbursement claims, one row per claim in two tables of the same shape. `claims_review` is
 * the hall's review list, written in the transaction that appends the claim's events, so a
 * clerk sees a claim the moment it is submitted or decided. `claims_deadline` is the
 * supervisor's read model, fed by the `claims_deadlines` projection from `circle.claims` and
 * rebuildable from the log. Money is bigint fen.
 */
export class CreateClaimsTables1733300000000 implements MigrationInterface {
  name = 'CreateClaimsTables1733300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['claims_review', 'claims_deadline']) {
      await q.query(`
        CREATE TABLE ${table} (
          claim_id        text        PRIMARY KEY,
          kind            text        NOT NULL,
          business        text        NOT NULL,
          resident_id     text        NOT NULL,
          masked_name     text        NOT NULL,
          station_id      text        NOT NULL,
          status          text        NOT NULL,
          total_fen       bigint      NOT NULL,
          in_scope_fen    bigint      NOT NULL,
          fund_fen        bigint,
          payment_fen     bigint,
          submitted_at    timestamptz NOT NULL,
          due_by          timestamptz NOT NULL,
          decided_at      timestamptz,
          within_deadline boolean,
          settlement_id   text,
          reason          text
        )`);
      await q.query(`CREATE INDEX ${table}_status ON ${table} (status, submitted_at)`);
    }
    await q.query(`
      CREATE INDEX claims_deadline_open ON claims_deadline (due_by)
      WHERE status IN ('submitted', 'adjusted', 'approved')`);
    await q.query(`
      CREATE INDEX claims_deadline_late ON claims_deadline (decided_at)
      WHERE within_deadline = false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE claims_deadline');
    await q.query('DROP TABLE claims_review');
  }
}
