import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The product's tables are read through PostgreSQL's cache, where fetching a page by index
 * costs little more than reading the next one; the default random_page_cost of 4 assumes a
 * spinning disk. With it, a table that grew faster than autovacuum analyzes it (a projection's
 * stream positions during a busy hour or after a rebuild) looked small enough to scan whole,
 * and every chunk of every projection read all of its table set to touch a few dozen rows.
 * 1.1 is the common setting for data on SSD or in memory. New sessions of this database take it;
 * a role that may not alter the database leaves it to the administrator, with a notice.
 */
export class PlanForCachedPages1734100000000 implements MigrationInterface {
  name = 'PlanForCachedPages1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'random_page_cost left as it is: only the database owner can set it';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER DATABASE %I RESET random_page_cost', current_database());
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END $$`);
  }
}
