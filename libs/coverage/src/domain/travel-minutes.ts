import type { LonLat } from './geo-point';
import type { DistrictGeography, ModeGeography } from './district-geography';
import type { SearchSources } from './path-search';
import type { TravelMode } from './travel-modes';

/** Minutes as reported and compared: to a tenth, so a figure read back adds up the same. */
export const roundMinutes = (minutes: number): number =>
  minutes === Infinity ? Infinity : Math.round(minutes * 10) / 10;

/**
 * Minutes from each community to the nearest of the places (stations), door to door: to the
 * place's road node, along the fastest roads, then to the community's centre. Infinity when no
 * road joins them.
 */
export function minutesToNearest(
  geography: DistrictGeography,
  mode: TravelMode,
  places: readonly LonLat[],
): Float64Array {
  const m = geography.mode(mode);
  m.search.run(m.edgeMinutes, sourcesAt(geography, mode, places));
  return communityMinutes(m, m.search.minutes);
}

/** The road nodes places join and the minutes from each place to its node. */
export function sourcesAt(
  geography: DistrictGeography,
  mode: TravelMode,
  places: readonly LonLat[],
): SearchSources {
  const nodes = new Int32Array(places.length);
  const minutes = new Float64Array(places.length);
  places.forEach((p, i) => {
    const snap = geography.snap(mode, p.lon, p.lat);
    // A place no road reaches starts nowhere: Infinity never enters a search.
    nodes[i] = Math.max(snap.node, 0);
    minutes[i] = snap.node < 0 ? Infinity : snap.minutes;
  });
  return { nodes, minutes };
}

/** Each community's minutes, given minutes at every road node. */
export function communityMinutes(m: ModeGeography, nodeMinutes: Float64Array): Float64Array {
  const minutes = new Float64Array(m.communityNode.length);
  for (let i = 0; i < minutes.length; i++) {
    const node = m.communityNode[i];
    const road = node < 0 ? Infinity : nodeMinutes[node];
    minutes[i] = roundMinutes(road + m.communityAccessMinutes[i]);
  }
  return minutes;
}

/** A trip between two places by road, for "go to that station instead". */
export interface RoadTrip {
  readonly minutes: number;
  readonly km: number;
}

/** Door-to-door trips from one place to each of the others; undefined where no road joins them. */
export function tripsFrom(
  geography: DistrictGeography,
  mode: TravelMode,
  from: LonLat,
  to: readonly LonLat[],
): (RoadTrip | undefined)[] {
  const m = geography.mode(mode);
  const origin = geography.snap(mode, from.lon, from.lat);
  if (origin.node < 0) return to.map(() => undefined);
  m.search.run(
    m.edgeMinutes,
    { nodes: Int32Array.of(origin.node), minutes: Float64Array.of(origin.minutes) },
    Infinity,
    true,
  );
  return to.map((place) => {
    const end = geography.snap(mode, place.lon, place.lat);
    const road = end.node < 0 ? Infinity : m.search.minutes[end.node];
    if (road === Infinity) return undefined;
    return {
      minutes: roundMinutes(road + end.minutes),
      km: Math.round((origin.km + m.search.km[end.node] + end.km) * 100) / 100,
    };
  });
}
