/** The station kinds of the app this module runs in (hospital, or the hall for claims). */
export const SETTLEMENT_STATION_KINDS = Symbol('SETTLEMENT_STATION_KINDS');
