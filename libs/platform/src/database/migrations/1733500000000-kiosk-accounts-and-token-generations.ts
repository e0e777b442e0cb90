import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kiosk accounts belong to one station as clerks do. `token_generation` is written into every
 * token at login; revoking a user's tokens raises it, and a token of an older generation is
 * refused from then on.
 */
export class KioskAccountsAndTokenGenerations1733500000000 implements MigrationInterface {
  name = 'KioskAccountsAndTokenGenerations1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_role_check');
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_check');
    await q.query(`
      ALTER TABLE app_user
        ADD CONSTRAINT app_user_role_check
          CHECK (role IN ('clerk', 'kiosk', 'supervisor', 'admin')),
        ADD CONSTRAINT app_user_station_of_role
          CHECK ((role IN ('clerk', 'kiosk')) = (station_id IS NOT NULL)),
        ADD COLUMN token_generation int NOT NULL DEFAULT 0 CHECK (token_generation >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM app_user WHERE role = 'kiosk'");
    await q.query(`
      ALTER TABLE app_user
        DROP COLUMN token_generation,
        DROP CONSTRAINT app_user_station_of_role,
        DROP CONSTRAINT app_user_role_check,
        ADD CONSTRAINT app_user_role_check CHECK (role IN ('clerk', 'supervisor', 'admin')),
        ADD CONSTRAINT app_user_check CHECK ((role = 'clerk') = (station_id IS NOT NULL))`);
  }
}
