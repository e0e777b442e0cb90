import { Client } from 'pg';
import { repeatUntilStopped } from './repeat';

export interface CommitProbe {
  /** Stops probing; the latency of every probe commit, in ms. */
  stop(): Promise<number[]>;
}

/**
 * Raw single-row INSERT commits on a connection of its own, one every `everyMs`, while the bench
 * runs. A tail figure needs a tail baseline taken at the same moments: a WAL flush that stalls
 * on this machine's disk stalls every commit then, the app's and this probe's alike.
 */
export async function startCommitProbe(databaseUrl: string, everyMs = 10): Promise<CommitProbe> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_commit (id bigint GENERATED ALWAYS AS IDENTITY
       PRIMARY KEY, data jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );
  const latencies: number[] = [];
  const stopProbing = repeatUntilStopped(async () => {
    const started = performance.now();
    await db.query(`INSERT INTO bench_raw_commit (data) VALUES ('{"ticketId":"t"}')`);
    latencies.push(performance.now() - started);
  }, everyMs);
  return {
    async stop() {
      await stopProbing();
      await db.end();
      return latencies;
    },
  };
}
