import { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../../support/test-env';

export const testPool = (): Pool => new Pool({ connectionString: TEST_DATABASE_URL, max: 3 });

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`${what} not reached within ${timeoutMs} ms; last: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    last = await probe();
  }
  return last;
}

/** Counts per stream of the event count read model, for the streams of one test run. */
export async function countsOf(db: Pool, streamPrefix: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ stream_id: string; events: number }>(
    'SELECT stream_id, events FROM event_count_by_stream WHERE starts_with(stream_id, $1)',
    [streamPrefix],
  );
  return new Map(rows.map((r) => [r.stream_id, r.events]));
}

export const total = (counts: Map<string, number>): number =>
  [...counts.values()].reduce((a, b) => a + b, 0);

/** Records of a topic the projection has consumed, by its PostgreSQL checkpoint. */
export async function consumed(db: Pool, projection: string, topic: string): Promise<number> {
  const { rows } = await db.query<{ consumed: string | null }>(
    'SELECT sum("offset") AS consumed FROM projection_checkpoint WHERE projection = $1 AND topic = $2',
    [projection, topic],
  );
  return Number(rows[0]?.consumed ?? 0);
}

export async function checkpointOffsets(
  db: Pool,
  projection: string,
  topic: string,
): Promise<Map<number, bigint>> {
  const { rows } = await db.query<{ partition: number; offset: string }>(
    'SELECT partition, "offset" FROM projection_checkpoint WHERE projection = $1 AND topic = $2',
    [projection, topic],
  );
  return new Map(rows.map((r) => [r.partition, BigInt(r.offset)]));
}
