import type { QueryResultRow } from 'pg';
import type { ProjectionTx, Row } from '../projection';
import { queryRows, type DbClient } from '../store/database';
import type { TableSet } from '../table-set';

export class PgProjectionTx implements ProjectionTx {
  constructor(
    private readonly client: DbClient,
    private readonly tableSet: TableSet,
  ) {}

  query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return queryRows<R & QueryResultRow>(this.client, sql, params);
  }

  table(name: string): string {
    return this.tableSet.physical(name);
  }
}
