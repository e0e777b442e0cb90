import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import { consumingKafka } from '../event-store';
import { createProjectionPool, type Db } from '../store/database';
import { PROJECTIONS, type ProjectionSet } from './projection-tokens';

/** The connections every projection part of one app shares, closed last on shutdown. */
@Injectable()
export class ProjectionRuntime implements OnApplicationShutdown {
  readonly db: Db;
  readonly kafka: Kafka;
  readonly logger = new Logger('Projections');
  private admin: Admin | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PROJECTIONS) projections: ProjectionSet,
  ) {
    // A projection applies one fetch at a time, in one transaction; its rebuild after a gap
    // in Kafka applies in two lanes instead. Two more for the admin API and the gauges.
    const connections = 2 + projections.size * 2;
    this.db = createProjectionPool(
      config.databaseUrl,
      `${config.appName}-projections`,
      connections,
    );
    this.kafka = consumingKafka(config.kafkaBrokers, `${config.appName}-projections`);
  }

  /** Connected on first use, so an app starts even while Kafka is away. */
  async kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    await this.db.end();
  }
}
