import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** A pool or one checked-out client: reads run the same on either. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string | QueryConfig,
    values?: unknown[],
  ): Promise<QueryResult<R>>;
}
