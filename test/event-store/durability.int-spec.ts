import { EventStore } from '@circle/event-store';
import { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';
import { META, probe, runSuffix } from './support/probe';

/** A pool whose sessions start with `synchronous_commit` as a server or role default could set it. */
function poolWith(synchronousCommit: string, max = 2): Pool {
  return new Pool({
    connectionString: TEST_DATABASE_URL,
    max,
    options: `-c synchronous_commit=${synchronousCommit}`,
  });
}

describe('appends wait for the disk whatever the server says', () => {
  const run = runSuffix();

  async function settingAfterAppend(sessionDefault: string): Promise<string> {
    const pool = poolWith(sessionDefault);
    try {
      const store = new EventStore(pool);
      return await store.transaction(async (tx) => {
        await tx.append(`durable-${sessionDefault}-${run}`, 0, [probe(1)], META);
        const [row] = await tx.query<{ setting: string }>(
          "SELECT current_setting('synchronous_commit') AS setting",
        );
        return row!.setting;
      });
    } finally {
      await pool.end();
    }
  }

  it('turns synchronous_commit on for the appending transaction when the session has it off', async () => {
    expect(await settingAfterAppend('off')).toBe('on');
    expect(await settingAfterAppend('local')).toBe('on');
  });

  it('keeps a stricter setting', async () => {
    expect(await settingAfterAppend('remote_apply')).toBe('remote_apply');
  });

  it('leaves the session as it was once the one-statement append commits', async () => {
    // One connection, so the append and the question after it share a session.
    const pool = poolWith('off', 1);
    try {
      await new EventStore(pool).append(`durable-session-${run}`, 0, [probe(1)], META);
      const { rows } = await pool.query<{ setting: string }>(
        "SELECT current_setting('synchronous_commit') AS setting",
      );
      expect(rows[0]!.setting).toBe('off');
    } finally {
      await pool.end();
    }
  });
});
