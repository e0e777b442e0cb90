import type { StationKind } from '@circle/stations';

/** The station kinds of the app this module runs in; a clerk of another kind is sent on. */
export const SERVED_STATION_KINDS = Symbol('ENROLLMENT_SERVED_STATION_KINDS');
export type ServedStationKinds = readonly StationKind[];
