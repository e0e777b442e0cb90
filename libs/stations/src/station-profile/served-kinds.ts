import type { StationKind } from '../domain/business-catalog';

/** The station kinds the running app serves: its counters and walk-ins. */
export const SERVED_KINDS = Symbol('SERVED_KINDS');
export type ServedKinds = readonly StationKind[];
