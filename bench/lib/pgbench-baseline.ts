import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Raw single-row INSERT transactions per second, measured with pgbench on the same table shape
 * the event log uses, so every figure can be read as a ratio to what PostgreSQL itself does here.
 */
export async function pgbenchInsertTps(
  databaseUrl: string,
  seconds: number,
  clients = 4,
): Promise<number> {
  await createRawInsertTable(databaseUrl, 'bench_raw_insert');
  const dir = mkdtempSync(path.join(tmpdir(), 'circle-bench-'));
  const script = path.join(dir, 'insert.sql');
  writeFileSync(
    script,
    `INSERT INTO bench_raw_insert (stream_id, data) VALUES ('raw-' || :client_id, '{"ticketId":"t","number":"A012"}');\n`,
  );
  const url = new URL(databaseUrl);
  const output = execFileSync(
    'pgbench',
    [
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      script,
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      url.username || 'postgres',
      url.pathname.slice(1),
    ],
    { encoding: 'utf8' },
  );
  const match = /tps = ([\d.]+)/.exec(output);
  if (!match?.[1]) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(match[1]);
}

/** An empty table of the event log's shape (stream, JSON data, time), for raw inserts. */
export async function createRawInsertTable(databaseUrl: string, table: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  await db.query(
    `CREATE TABLE ${table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       stream_id text NOT NULL, data jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now())`,
  );
  await db.end();
}
