import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, MetricsRegistry } from '@circle/platform';
import type { RelayStart } from './relay-checkpoint';
import { prometheusRelayMetrics } from './relay-metrics';
import { RunningRelay, startableRelay } from './relay-thread';

export interface OutboxRelaySettings {
  readonly name: string;
  readonly startAt: RelayStart;
}

export const OUTBOX_RELAY_SETTINGS = Symbol('OUTBOX_RELAY_SETTINGS');

/**
 * Runs the outbox relay inside a Nest app, on a thread of its own (see relay-thread.ts). Any
 * number of apps may include it: the advisory lock lets one relay at a time and the others
 * stand by to take over.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: RunningRelay;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(OUTBOX_RELAY_SETTINGS) settings: OutboxRelaySettings,
    metrics: MetricsRegistry,
  ) {
    const logger = new Logger('OutboxRelay');
    this.relay = startableRelay(
      {
        databaseUrl: config.databaseUrl,
        brokers: config.kafkaBrokers,
        clientId: `service-circle-${config.appName}-relay`,
        name: settings.name,
        startAt: settings.startAt,
      },
      prometheusRelayMetrics(metrics.registry, settings.name),
      logger,
    );
  }

  get leading(): boolean {
    return this.relay.leading;
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
