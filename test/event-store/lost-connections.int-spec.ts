import { Pool } from 'pg';
import { hearLostConnections } from '../../libs/event-store/src/store/lost-connections';
import { TEST_DATABASE_URL } from '../support/test-env';

// A PostgreSQL restart ends every session, the lent-out ones too. Ending one session by hand
// is the same for the client: its socket closes under it while a borrower holds it.
describe('a pooled connection that loses its server while lent out', () => {
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  afterAll(() => admin.end());

  it('is heard, and the process and the pool go on', async () => {
    const lost: Error[] = [];
    const pool = hearLostConnections(
      new Pool({ connectionString: TEST_DATABASE_URL, max: 2 }),
      (error) => lost.push(error),
    );
    const lent = await pool.connect();
    const { rows } = await lent.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    for (let i = 0; i < 50 && !lost.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(lost.length).toBeGreaterThan(0);
    lent.release(true);
    await expect(pool.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await pool.end();
  });
});
