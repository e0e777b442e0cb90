import type { Projection } from '@circle/projections';
import { coverageProjection } from './coverage.projection';
import { deadlinesProjection } from './deadlines.projection';
import { personIndexProjection } from './person-index.projection';

export * from './coverage.projection';
export * from './deadlines.projection';
export * from './person-index.projection';

/** The enrollment read models; the supervisor runs them. */
export const enrollmentProjections = (): Projection[] => [
  coverageProjection(),
  deadlinesProjection(),
  personIndexProjection(),
];
