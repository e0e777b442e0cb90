import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Schema changes only ever come from migrations: read models and the event log must not drift. */
export function dataSourceOptions(databaseUrl: string, appName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    applicationName: `service-circle-${appName}`,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    entities: [],
    extra: { max: 10, connectionTimeoutMillis: 3000 },
  };
}
