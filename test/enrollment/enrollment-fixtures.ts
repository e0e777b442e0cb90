import { randomInt } from 'node:crypto';
import { Pool } from 'pg';
import { makeCreditCode } from '../../libs/enrollment/src/domain/credit-code';
import { makeNationalId } from '../../libs/enrollment/src/domain/national-id';
import { TEST_DATABASE_URL } from '../support/test-env';

// The enrollment suites start their apps on ports 4130-4136 and 4195-4196, apart from the
// default test ports other suites use, so suites run side by side never reach each other's apps.

/** A valid resident ID nobody else in the test database has, born on the given day. */
export function freshResidentId(birthDate = '1985-04-02'): string {
  const area = String(randomInt(110000, 659999));
  return makeNationalId(area, birthDate, randomInt(0, 1000));
}

/** The same ID with its check character replaced by a wrong one. */
export function withWrongCheckDigit(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function freshCreditCode(): string {
  const tail = Array.from({ length: 9 }, () => CREDIT[randomInt(0, CREDIT.length)]).join('');
  return makeCreditCode(`91370800${tail}`);
}

export class EventLog {
  private readonly pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });

  async typesOf(residentId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ event_type: string }>(
      'SELECT event_type FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [`resident-${residentId}`],
    );
    return rows.map((r) => r.event_type);
  }

  /** Enrollment events only: other contexts' tests share the database and append meanwhile. */
  async enrollmentTotal(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM events WHERE event_type LIKE 'enrollment.%'",
    );
    return Number(rows[0]?.n ?? 0);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
