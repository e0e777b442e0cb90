import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle_bench';

/** The bench's database, made if missing (anew with `fresh`), not migrated. */
export async function createBenchDatabase(fresh = false): Promise<void> {
  const url = new URL(BENCH_DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new Client({
    connectionString: `${url.protocol}//${url.username}@${url.host}/postgres`,
  });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** A database of the benchmarks' own, created and migrated on demand, so no figure lands in a demo. */
export async function prepareBenchDatabase(fresh = false): Promise<void> {
  await createBenchDatabase(fresh);
  const env = { ...process.env, DATABASE_URL: BENCH_DATABASE_URL };
  for (const cli of ['libs/platform/src/database/migrate.cli.js', 'libs/demo/src/seed-demo.cli.js'])
    execFileSync(process.execPath, ['-r', './scripts/paths.js', `dist/${cli}`], {
      cwd: ROOT,
      env,
      stdio: 'ignore',
    });
}
