import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../../support/test-env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * A database of the suite's own, made as the test command makes the shared one (migrated,
 * demo seeded): a read model is compared whole with its rebuild, so no other suite's rows
 * or deliberate faults may be in it. Kafka records carry their log's identity, so the apps
 * on this database read only its events.
 */
export async function freshDemoDatabase(suffix: string): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  for (const script of ['migrate', 'seed:demo'])
    await run('npm', ['run', '--silent', script], { cwd: ROOT, env, timeout: 120_000 });
  return url.toString();
}
