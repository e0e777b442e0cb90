import type { StationKind } from '@circle/stations';

/** The station kinds of the app this module runs in; a clerk of another kind is sent on. */
export const CLAIMS_STATION_KINDS = Symbol('CLAIMS_STATION_KINDS');
export type ClaimsStationKinds = readonly StationKind[];
