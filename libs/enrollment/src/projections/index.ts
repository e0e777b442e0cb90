import type { Projection } from '@circle/projections';
import { coverageProjection } from './coverage.projection';
import { deadlinesProjection } from './deadlines.projection';

export * from './coverage.projection';
export * from './deadlines.projection';

/** The enrollment read models; the supervisor runs them. */
export const enrollmentProjections = (): Projection[] => [
  coverageProjection(),
  deadlinesProjection(),
];
