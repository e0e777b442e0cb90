import type { EventStore } from '@circle/event-store';
import type { Sql } from './geography-store';

export const GEOGRAPHY_DEPS = Symbol('GEOGRAPHY_DEPS');

/** The event log and plain SQL on the same database: what reading and importing need. */
export interface GeographyDeps {
  readonly store: EventStore;
  readonly sql: Sql;
}
