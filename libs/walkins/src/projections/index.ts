import type { Projection } from '@circle/projections';
import { walkinsQueueProjection } from './walkins-queue.projection';
import { walkinsStationsProjection } from './walkins-stations.projection';

export * from './walkins-queue.projection';
export * from './walkins-stations.projection';

/** The walk-in read models; the supervisor runs them. */
export const walkinsProjections = (): Projection[] => [
  walkinsQueueProjection(),
  walkinsStationsProjection(),
];
