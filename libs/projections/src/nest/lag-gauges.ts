import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@circle/platform';
import type { ProjectionStatus } from '../status/projection-status';
import { readStatus } from '../status/status-reader';
import { ProjectionRuntime } from './projection-runtime';
import { PROJECTIONS, type ProjectionSet } from './projection-tokens';

const REFRESH_MS = 5_000;

/**
 * Lag as Prometheus gauges, refreshed in the background: a scrape must answer at once even
 * when Kafka or PostgreSQL is slow, so it reads the last values instead of asking them.
 */
@Injectable()
export class LagGauges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly events: Gauge<'projection'>;
  private readonly ms: Gauge<'projection'>;
  private readonly parked: Gauge<'projection'>;
  private readonly gaps: Gauge<'projection'>;
  private readonly rebuilding: Gauge<'projection'>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    metrics: MetricsRegistry,
    private readonly runtime: ProjectionRuntime,
    @Inject(PROJECTIONS) private readonly projections: ProjectionSet,
  ) {
    const registers = [metrics.registry];
    const labelNames = ['projection'] as const;
    this.events = new Gauge({
      name: 'projection_lag_events',
      help: 'Records in Kafka the projection has not applied yet',
      labelNames,
      registers,
    });
    this.ms = new Gauge({
      name: 'projection_lag_ms',
      help: 'Age of the last applied event while records wait; 0 when caught up',
      labelNames,
      registers,
    });
    this.parked = new Gauge({
      name: 'projection_dead_letters',
      help: 'Parked events waiting for a replay',
      labelNames,
      registers,
    });
    this.gaps = new Gauge({
      name: 'projection_log_gaps',
      help: 'Partitions whose checkpoint Kafka no longer holds; the projection rebuilds from the event store',
      labelNames,
      registers,
    });
    this.rebuilding = new Gauge({
      name: 'projection_rebuilding',
      help: '1 while a rebuild from the event store runs',
      labelNames,
      registers,
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
    void this.refresh();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Also called by the status endpoint, so the gauges never trail what an admin just saw. */
  record(statuses: readonly ProjectionStatus[]): void {
    for (const s of statuses) {
      this.events.set({ projection: s.name }, s.lagEvents);
      if (s.lagMs !== null) this.ms.set({ projection: s.name }, s.lagMs);
      this.parked.set({ projection: s.name }, s.parked);
      this.gaps.set({ projection: s.name }, s.gaps);
      this.rebuilding.set({ projection: s.name }, s.rebuilding ? 1 : 0);
    }
  }

  private async refresh(): Promise<void> {
    try {
      const admin = await this.runtime.kafkaAdmin();
      this.record(await readStatus(this.runtime.db, admin, [...this.projections.values()]));
    } catch (error) {
      this.runtime.logger.warn(`projection lag not refreshed: ${String(error)}`);
    }
  }
}
