import type { StationKind } from '@circle/stations';

/** The station kinds an app acts for; the read side looks at all of them. */
export const SERVED_STATION_KINDS = Symbol('SERVED_STATION_KINDS');
export type ServedStationKinds = readonly StationKind[] | 'all';
