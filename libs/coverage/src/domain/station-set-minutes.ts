import type { DistrictGeography } from './district-geography';
import type { LonLat } from './geo-point';
import { communityMinutes, sourcesAt } from './travel-minutes';
import type { TravelMode } from './travel-modes';

/** A station as a search sees it. */
export interface StationPlace {
  readonly stationId: string;
  readonly location: LonLat;
}

/** Stations searched together, named by their source key. */
export interface StationSet {
  readonly key: string;
  readonly stations: readonly StationPlace[];
}

/** A set in search order, and the earlier set (by position) it starts from, or -1. */
interface Step {
  readonly set: StationSet;
  readonly ids: ReadonlySet<string>;
  readonly base: number;
}

/**
 * Minutes from each community to the nearest station of each set, in one mode, by key.
 *
 * The sets of a recompute nest: the stations open for an item are among those staffed for it,
 * and an item the hall and townships handle is served by a subset of one villages handle too.
 * Sets are searched smallest first, each from the largest set already searched that it
 * contains, adding only its other stations; such a search visits only the nodes those bring
 * nearer. A province then pays a full sweep for a few sets, not for each.
 */
export function minutesPerStationSet(
  geography: DistrictGeography,
  mode: TravelMode,
  sets: readonly StationSet[],
): Map<string, Float64Array> {
  const m = geography.mode(mode);
  const steps = searchOrder(sets);
  // A set's node minutes are kept only when a later set, other than the next, starts from
  // them: the next one starts from the search's own minutes.
  const toKeep = new Set(
    steps.filter((s, j) => s.base >= 0 && s.base !== j - 1).map((s) => s.base),
  );
  const keptFor = new Map<number, Float64Array>();
  const spare = sparesOf(m.search.minutes);
  const minutes = new Map<string, Float64Array>();
  steps.forEach((step, i) => {
    const base = steps[step.base];
    const added = base
      ? step.set.stations.filter((s) => !base.ids.has(s.stationId))
      : step.set.stations;
    const sources = sourcesAt(
      geography,
      mode,
      added.map((s) => s.location),
    );
    if (step.base < 0) m.search.run(m.edgeMinutes, sources);
    else {
      const known = step.base === i - 1 ? m.search.minutes : keptFor.get(step.base);
      if (!known) throw new Error(`set ${i} starts from set ${step.base}, which was not kept`);
      m.search.runFrom(known, m.edgeMinutes, sources);
    }
    if (toKeep.has(i)) {
      const kept = spare[keptFor.size] ?? new Float64Array(m.search.minutes.length);
      spare[keptFor.size] = kept;
      kept.set(m.search.minutes);
      keptFor.set(i, kept);
    }
    minutes.set(step.set.key, communityMinutes(m, m.search.minutes));
  });
  return minutes;
}

function searchOrder(sets: readonly StationSet[]): Step[] {
  const unique = [...new Map(sets.map((s) => [s.key, s])).values()];
  unique.sort((a, b) => a.stations.length - b.stations.length);
  const steps: Step[] = [];
  for (const set of unique) {
    const ids = new Set(set.stations.map((s) => s.stationId));
    let base = -1;
    steps.forEach((earlier, j) => {
      const larger = base < 0 || earlier.ids.size > (steps[base]?.ids.size ?? 0);
      if (larger && [...earlier.ids].every((id) => ids.has(id))) base = j;
    });
    steps.push({ set, ids, base });
  }
  return steps;
}

// Node minutes kept between searches, reused by every recompute on the same network: a
// province's arrays are megabytes each, and allocating them anew cost more than a search.
const spares = new WeakMap<Float64Array, Float64Array[]>();

function sparesOf(searchMinutes: Float64Array): Float64Array[] {
  let found = spares.get(searchMinutes);
  if (!found) spares.set(searchMinutes, (found = []));
  return found;
}
