import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig, loadPersonalDataMasterKey } from '@circle/platform';
import { ExpiredKeySweeper } from './idempotency/expired-key-sweeper';
import { PERSONAL_DATA } from './personal-data/personal-data';
import { PgPersonalData } from './personal-data/pg-personal-data';
import { EventStore } from './store/event-store';
import { hearLostConnections } from './store/lost-connections';
import { UpcasterRegistry } from './store/upcaster-registry';

export const EVENT_STORE_POOL = Symbol('EVENT_STORE_POOL');

function createPool(config: AppConfig): Pool {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    application_name: `service-circle-${config.appName}-events`,
    max: 10,
    // A new connection costs PostgreSQL a backend's start and every named statement its parse
    // and plan again: 10–30 ms here, waited for by each request queued behind it. Two stay open
    // however quiet the counter, and those a busy spell opened stay a minute after it.
    min: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: 3000,
  });
  // A connection dropped by a database restart must not take the process down with it.
  const logger = new Logger('EventStore');
  return hearLostConnections(pool, (error) =>
    logger.warn(`database connection lost: ${error.message}`),
  );
}

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * The process's one EventStore. Business modules import this module and register their
 * upcasters on the exported UpcasterRegistry when they initialise.
 */
@Module({
  providers: [
    { provide: EVENT_STORE_POOL, inject: [APP_CONFIG], useFactory: createPool },
    { provide: UpcasterRegistry, useFactory: () => new UpcasterRegistry() },
    {
      provide: EventStore,
      inject: [EVENT_STORE_POOL, UpcasterRegistry, APP_CONFIG],
      useFactory: (pool: Pool, upcasters: UpcasterRegistry, config: AppConfig) =>
        new EventStore(pool, upcasters, { keyTtlHours: config.idempotencyKeyTtlHours }),
    },
    {
      provide: PERSONAL_DATA,
      inject: [EVENT_STORE_POOL, APP_CONFIG],
      useFactory: (pool: Pool, config: AppConfig) =>
        new PgPersonalData(pool, config.personalDataMasterKey ?? loadPersonalDataMasterKey({})),
    },
    PoolCloser,
    ExpiredKeySweeper,
  ],
  exports: [EventStore, UpcasterRegistry, PERSONAL_DATA],
})
export class EventStoreModule {}
