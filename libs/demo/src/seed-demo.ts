import { Client } from 'pg';
import { hashPassword } from '@circle/platform';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** Creates the demo accounts that do not exist yet; never resets a changed password. */
export async function seedDemo(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const hash = await hashPassword(DEMO_PASSWORD);
    const created: string[] = [];
    for (const user of DEMO_USERS) {
      const result = await client.query(
        `INSERT INTO app_user (username, password_hash, role, station_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING`,
        [user.username, hash, user.role, user.stationId],
      );
      if (result.rowCount === 1) created.push(user.username);
    }
    return created;
  } finally {
    await client.end();
  }
}
