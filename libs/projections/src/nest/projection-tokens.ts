import type { Projection } from '../projection';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** The projections one app registered, by name. */
export type ProjectionSet = ReadonlyMap<string, Projection>;

export interface ProjectionsOptions {
  /** False for an app that only serves the admin API while another process consumes. */
  readonly consume?: boolean;
}

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');
