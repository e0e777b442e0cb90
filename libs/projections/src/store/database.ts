import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { hearLostConnections, offLogConnectionName } from '@circle/event-store';

export type Db = Pool;
export type DbClient = PoolClient;

/**
 * Projections keep their own small pool instead of borrowing the app's ORM connection: each
 * worker holds one connection for whole batches, and that must not starve HTTP requests.
 */
export function createProjectionPool(databaseUrl: string, appName: string, max = 4): Db {
  const pool = new Pool({
    connectionString: databaseUrl,
    application_name: offLogConnectionName(appName),
    max,
    connectionTimeoutMillis: 5_000,
  });
  // A connection that loses its server must not take the process down with it; the chunk in
  // flight fails and is applied again from its checkpoint.
  return hearLostConnections(pool, () => undefined);
}

const statementNames = new Map<string, string>();

/**
 * Named statements are parsed and planned once per connection; applying thousands of events a
 * second runs the same few statements over and over, so this saves most of the server's work.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = 'p' + createHash('sha1').update(sql).digest('hex').slice(0, 20);
    statementNames.set(sql, name);
  }
  return name;
}

export async function queryRows<R extends QueryResultRow>(
  client: DbClient | Db,
  sql: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const result = await client.query<R>({
    text: sql,
    values: [...params],
    name: statementName(sql),
  });
  return result.rows;
}

export interface TransactionOptions {
  /**
   * Commit without waiting for the WAL to reach the disk. Only for transactions whose whole
   * effect is derived from the log and recorded with its checkpoint: a server crash can lose the
   * last such commits, but always read model and checkpoint together, and the consumer then
   * replays those events from Kafka. A killed app process loses nothing either way.
   */
  readonly replayable?: boolean;
  /**
   * A statement without parameters run with BEGIN, in the same round trip: a lock every such
   * transaction takes first costs no exchange of its own.
   */
  readonly opening?: string;
}

export async function inTransaction<T>(
  db: Db,
  work: (client: DbClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await db.connect();
  let broken = false;
  try {
    const begin = options.replayable ? 'BEGIN; SET LOCAL synchronous_commit TO off' : 'BEGIN';
    await client.query(options.opening ? `${begin}; ${options.opening}` : begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A client whose rollback failed may be mid-transaction; it must not go back to the pool.
    client.release(broken);
  }
}
