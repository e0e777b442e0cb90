import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every money column of the read models, by table; settlement's tables are created bigint. */
const MONEY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  enrollment_coverage: ['individual_fen', 'subsidy_fen', 'payable_fen', 'waived_fen', 'paid_fen'],
};

/**
 * Money sums are bigint, never int4: 2^31 fen is 21 million yuan, which a district's year of
 * contributions passes (seed 000: 16.8 million yuan of subsidies alone in 2022). The enrollment
 * columns were created bigint but read back through `::int`; this states the type for every
 * money column of the read models, so any database is brought to it (a no-op where it already
 * holds), and the reads now turn the driver's bigint text into numbers instead.
 */
export class MoneyColumnsBigint1733200000000 implements MigrationInterface {
  name = 'MoneyColumnsBigint1733200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(MONEY_COLUMNS))
      await q.query(
        `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE bigint`).join(', ')}`,
      );
  }

  // Narrowing back to int4 would fail on (or corrupt) any sum above 2^31 fen: nothing to undo.
  async down(): Promise<void> {}
}
