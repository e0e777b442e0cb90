import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { eventLogId } from '../event-store';
import { ProjectionConsumer } from '../kafka/projection-consumer';
import { ProjectionRuntime } from './projection-runtime';
import {
  PROJECTIONS,
  PROJECTIONS_OPTIONS,
  type ProjectionSet,
  type ProjectionsOptions,
} from './projection-tokens';

/** One Kafka consumer per registered projection, for as long as the app runs. */
@Injectable()
export class ProjectionWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumers: ProjectionConsumer[] = [];

  constructor(
    private readonly runtime: ProjectionRuntime,
    @Inject(PROJECTIONS) private readonly projections: ProjectionSet,
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consume === false) return;
    const { logger } = this.runtime;
    const log = await eventLogId(this.runtime.db);
    this.consumers = [...this.projections.values()].map(
      (projection) =>
        new ProjectionConsumer(projection, this.runtime.kafka, this.runtime.db, {
          logger,
          log,
          onJoined: (partitions) =>
            logger.log(`projection ${projection.name} joined with ${partitions} partition(s)`),
        }),
    );
    // Started, not awaited to the end: a consumer waiting for Kafka must not hold up HTTP.
    await Promise.all(this.consumers.map((c) => c.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    this.consumers = [];
  }
}
