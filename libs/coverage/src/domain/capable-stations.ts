import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { Station } from '../../../stations/src/domain/station.state';

/**
 * Which stations count as able to handle an item:
 * - `open`: a counter skilled for it is open now (the circle as residents find it today);
 * - `staffed`: a counter is skilled for it, open or not (the circle as the district planned it,
 *   what a map shows at night when every counter is closed).
 */
export const COVERAGE_BASES = ['open', 'staffed'] as const;
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

export function isCoverageBasis(value: unknown): value is CoverageBasis {
  return typeof value === 'string' && (COVERAGE_BASES as readonly string[]).includes(value);
}

export function capableStations(
  stations: readonly Station[],
  business: BusinessCode,
  basis: CoverageBasis,
): Station[] {
  return stations.filter(
    (s) =>
      s.businesses.includes(business) &&
      s.counters.some(
        (c) => c.skills.includes(business) && (basis === 'staffed' || c.status === 'open'),
      ),
  );
}

/**
 * What a search depends on: the stations and where they stand. Two items served by the same
 * stations share one search, and an unchanged key means the stored minutes still hold.
 */
export function sourceKeyOf(
  stations: readonly Station[],
  placeOf: (station: Station) => string = stationPlace,
): string {
  return stations.map(placeOf).sort().join(' ');
}

const stationPlace = (s: Station) => `${s.stationId}@${s.location.lon},${s.location.lat}`;

/** stationPlace written once per station however many items it serves. */
export function stationPlaces(): (station: Station) => string {
  const written = new Map<Station, string>();
  return (station) => {
    let place = written.get(station);
    if (place === undefined) written.set(station, (place = stationPlace(station)));
    return place;
  };
}
