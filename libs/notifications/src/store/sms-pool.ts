import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { hearLostConnections, offLogConnectionName } from '@circle/event-store';
import type { AppConfig } from '@circle/platform';

export const SMS_POOL = Symbol('SMS_POOL');

/**
 * The notifier's own connections: every message costs a few short statements (claim, send,
 * record), and at thousands a second they must not queue behind the app's other queries.
 */
export function createSmsPool(config: AppConfig, size: number): Pool {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    application_name: offLogConnectionName(`${config.appName}-sms`),
    max: size,
    connectionTimeoutMillis: 3_000,
  });
  const logger = new Logger('SmsPool');
  return hearLostConnections(pool, (error) =>
    logger.warn(`database connection lost: ${error.message}`),
  );
}

@Injectable()
export class SmsPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(SMS_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
