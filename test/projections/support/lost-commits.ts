import type { Pool } from 'pg';

/** What a projection had committed at one moment, for the rows of one test's streams and topic. */
export interface CommittedState {
  readonly checkpoints: { partition: number; offset: string }[];
  readonly positions: { stream_id: string; version: number }[];
  readonly counts: { stream_id: string; events: number; last_version: number }[];
}

const COUNTS = 'SELECT stream_id, events, last_version FROM event_count_by_stream';

/** The event_count_by_stream projection's committed rows for these streams and this topic. */
export async function committedState(
  db: Pool,
  topic: string,
  streamPrefix: string,
): Promise<CommittedState> {
  const { rows: checkpoints } = await db.query<{ partition: number; offset: string }>(
    `SELECT partition, "offset" FROM projection_checkpoint
     WHERE projection = 'event_count_by_stream' AND topic = $1`,
    [topic],
  );
  const { rows: positions } = await db.query<{ stream_id: string; version: number }>(
    `SELECT stream_id, version FROM projection_stream_position
     WHERE table_set = 'event_count_by_stream' AND starts_with(stream_id, $1)`,
    [streamPrefix],
  );
  const { rows: counts } = await db.query<CommittedState['counts'][number]>(
    `${COUNTS} WHERE starts_with(stream_id, $1)`,
    [streamPrefix],
  );
  return { checkpoints, positions, counts };
}

/**
 * What a PostgreSQL crash does to commits made with `synchronous_commit = off`: the last ones
 * are gone — read model, stream positions and checkpoint together — and every connection
 * breaks, while the consumer's Kafka session and its position in memory live on. Simulated on
 * this test's own rows (the server is shared, so it is not really restarted): the state of an
 * earlier moment is put back in one transaction and the runner's sessions are ended.
 */
export async function loseCommitsSince(
  db: Pool,
  earlier: CommittedState,
  scope: { topic: string; streamPrefix: string; applicationName: string },
): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE projection_checkpoint c SET "offset" = e.offset
       FROM unnest($2::int[], $3::bigint[]) AS e(partition, "offset")
       WHERE c.projection = 'event_count_by_stream' AND c.topic = $1 AND c.partition = e.partition`,
      [
        scope.topic,
        earlier.checkpoints.map((c) => c.partition),
        earlier.checkpoints.map((c) => c.offset),
      ],
    );
    await client.query(
      `UPDATE projection_stream_position p SET version = e.version
       FROM unnest($1::text[], $2::int[]) AS e(stream_id, version)
       WHERE p.table_set = 'event_count_by_stream' AND p.stream_id = e.stream_id`,
      [earlier.positions.map((p) => p.stream_id), earlier.positions.map((p) => p.version)],
    );
    await client.query('DELETE FROM event_count_by_stream WHERE starts_with(stream_id, $1)', [
      scope.streamPrefix,
    ]);
    await client.query(
      `INSERT INTO event_count_by_stream (stream_id, events, last_version)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])`,
      [
        earlier.counts.map((c) => c.stream_id),
        earlier.counts.map((c) => c.events),
        earlier.counts.map((c) => c.last_version),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await db.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1`,
    [scope.applicationName],
  );
}
