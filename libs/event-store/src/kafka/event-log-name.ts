/** The `ce_log` header: which event store a record came from. */
export const LOG_HEADER = 'ce_log';

/**
 * Every database keeps its own log, but the demo, the tests and the benchmarks share one Kafka
 * broker and its topics. The relay tags each record with its database's name and projections
 * apply only records of their own database, so one log never leaks into another's read models.
 */
export function eventLogName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
}
