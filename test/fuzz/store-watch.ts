import { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';

// The PostgreSQL of the tests is shared with other suites, which may hold every connection for
// a moment; a refused connection is tried again rather than failing the run.
async function retried<T>(query: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await query();
    } catch (error) {
      if ((error as { code?: string }).code !== '53300' || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** The event store as the fuzzer watches it: where it stands, and what a request appended. */
export class StoreWatch {
  private readonly pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });

  async position(): Promise<number> {
    const { rows } = await retried(() =>
      this.pool.query<{ head: string | null }>('SELECT max(global_position) AS head FROM events'),
    );
    return Number(rows[0]?.head ?? 0);
  }

  /** Events carrying this request's correlation id (its X-Request-Id). */
  async appendedBy(requestId: string): Promise<number> {
    const { rows } = await retried(() =>
      this.pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM events WHERE metadata ->> 'correlationId' = $1",
        [requestId],
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
