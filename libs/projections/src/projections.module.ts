import { DynamicModule, Module } from '@nestjs/common';
import { ProjectionsController } from './http/projections.http.controller';
import { LagGauges } from './nest/lag-gauges';
import { ProjectionRuntime } from './nest/projection-runtime';
import {
  PROJECTIONS,
  PROJECTIONS_OPTIONS,
  type ProjectionSet,
  type ProjectionsOptions,
} from './nest/projection-tokens';
import { ProjectionWorkers } from './nest/projection-workers';
import type { Projection } from './projection';
import { DeadLetterReplayer } from './replay/dead-letter-replayer';
import { assertValidProjection } from './table-set';

/**
 * Runs the given projections inside an app (consumer group `projection.<name>` each), and
 * serves their status and dead letters under /api/projections. Needs the platform's config
 * and metrics, which every app has.
 */
@Module({})
export class ProjectionsModule {
  static register(
    projections: readonly Projection[],
    options: ProjectionsOptions = {},
  ): DynamicModule {
    const byName = new Map<string, Projection>();
    for (const projection of projections) {
      assertValidProjection(projection);
      if (byName.has(projection.name))
        throw new Error(`projection ${projection.name} is registered twice`);
      byName.set(projection.name, projection);
    }
    const set: ProjectionSet = byName;
    return {
      module: ProjectionsModule,
      controllers: [ProjectionsController],
      providers: [
        { provide: PROJECTIONS, useValue: set },
        { provide: PROJECTIONS_OPTIONS, useValue: options },
        ProjectionRuntime,
        ProjectionWorkers,
        LagGauges,
        {
          provide: DeadLetterReplayer,
          inject: [ProjectionRuntime, PROJECTIONS],
          useFactory: (runtime: ProjectionRuntime, all: ProjectionSet) =>
            new DeadLetterReplayer(runtime.db, all),
        },
      ],
    };
  }
}
