import type { Projection } from '@circle/projections';
import { claimsDeadlinesProjection } from './claims-deadlines.projection';

export * from './claims-deadlines.projection';

/** The claims read models; the supervisor runs them. */
export const claimsProjections = (): Projection[] => [claimsDeadlinesProjection()];
