/** The `ce_log` header: which event store a record came from. */
export const LOG_HEADER = 'ce_log';

/** Anything that can run one query: a pg Client or Pool. */
interface RunsQueries {
  query<R extends object>(sql: string): Promise<{ rows: R[] }>;
}

/**
 * Every database keeps its own log, but the demo, the tests and the benchmarks share one Kafka
 * broker and its topics. The relay tags each record with its database's identity and
 * projections apply only records of their own database, so one log never leaks into another's
 * read models. The database's oid is part of it: a test database dropped and made again is a
 * new log, and the records of its previous life stay out.
 */
export async function eventLogId(db: RunsQueries): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT current_database() || '#' || oid AS id FROM pg_database
     WHERE datname = current_database()`,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('the database did not say who it is');
  return id;
}
