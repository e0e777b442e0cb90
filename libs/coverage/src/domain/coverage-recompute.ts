import { BUSINESS_CODES, type BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { Station } from '../../../stations/src/domain/station.state';
import {
  COVERAGE_BASES,
  type CoverageBasis,
  capableStations,
  sourceKeyOf,
  stationPlaces,
} from './capable-stations';
import { coveredByMinute } from './coverage-figures';
import type { DistrictGeography } from './district-geography';
import { TRAVEL_MODES, TravelMode } from './travel-modes';
import { minutesPerStationSet, type StationSet } from './station-set-minutes';

/** One stored answer: an item's coverage in one mode on one basis. */
export interface CoverageCell {
  readonly basis: CoverageBasis;
  readonly mode: TravelMode;
  readonly business: BusinessCode;
}

export interface CellResult extends CoverageCell {
  /** The capable stations and their places, as sourceKeyOf writes them. */
  readonly sourceKey: string;
  readonly stations: readonly string[];
  readonly population: number;
  /** Per community, in the geography's order; Infinity where no road leads to a station. */
  readonly minutes: Float64Array;
  readonly coveredByMinute: readonly number[];
}

export function everyCell(modes: readonly TravelMode[] = TRAVEL_MODES): CoverageCell[] {
  return COVERAGE_BASES.flatMap((basis) =>
    modes.flatMap((mode) => BUSINESS_CODES.map((business) => ({ basis, mode, business }))),
  );
}

/** What a recompute must search: the stale cells, and per mode each station set they need once. */
export interface RecomputePlan {
  readonly stale: readonly { readonly cell: CoverageCell; readonly served: Served }[];
  readonly setsByMode: ReadonlyMap<TravelMode, readonly StationSet[]>;
}

/** Per mode, the minutes of each community to each station set, by the set's key. */
export type MinutesByMode = ReadonlyMap<TravelMode, ReadonlyMap<string, Float64Array>>;

/** The cells whose capable stations differ from what `storedKey` says was used. */
export function planRecompute(
  stations: readonly Station[],
  cells: readonly CoverageCell[],
  storedKey: (cell: CoverageCell) => string | undefined,
): RecomputePlan {
  const servedBy = capableByItem(stations, cells);
  const stale = cells.flatMap((cell) => {
    const served = servedBy.get(itemKey(cell));
    return !served || storedKey(cell) === served.key ? [] : [{ cell, served }];
  });
  // Each set once per mode, however many cells it serves.
  const byKey = new Map<TravelMode, Map<string, StationSet>>();
  for (const { cell, served } of stale) {
    const sets = byKey.get(cell.mode) ?? new Map<string, StationSet>();
    byKey.set(cell.mode, sets.set(served.key, served));
  }
  const setsByMode = new Map([...byKey].map(([mode, sets]) => [mode, [...sets.values()]]));
  return { stale, setsByMode };
}

/** Every mode's station sets searched on this thread. */
export function minutesHere(
  geography: DistrictGeography,
  setsByMode: ReadonlyMap<TravelMode, readonly StationSet[]>,
): MinutesByMode {
  return new Map(
    [...setsByMode].map(([mode, sets]) => [mode, minutesPerStationSet(geography, mode, sets)]),
  );
}

/** Each searched cell's result: cells served by the same stations share minutes and profile. */
export function resultsOf(
  geography: DistrictGeography,
  plan: RecomputePlan,
  minutes: MinutesByMode,
): CellResult[] {
  const population = geography.population;
  const profiles = new Map<string, readonly number[]>();
  return plan.stale.map(({ cell, served }) => {
    const found = minutes.get(cell.mode)?.get(served.key) ?? new Float64Array(0);
    const profileKey = `${cell.mode}|${served.key}`;
    let profile = profiles.get(profileKey);
    if (!profile)
      profiles.set(profileKey, (profile = coveredByMinute(geography.communities, found)));
    return {
      ...cell,
      sourceKey: served.key,
      stations: served.ids,
      population,
      minutes: found,
      coveredByMinute: profile,
    };
  });
}

/**
 * The stale cells computed anew on this thread. Cells served by the same stations share one
 * search per mode, and each search builds on a smaller set's (minutesPerStationSet).
 */
export function recomputeCells(
  geography: DistrictGeography,
  stations: readonly Station[],
  cells: readonly CoverageCell[],
  storedKey: (cell: CoverageCell) => string | undefined,
): CellResult[] {
  const plan = planRecompute(stations, cells, storedKey);
  return resultsOf(geography, plan, minutesHere(geography, plan.setsByMode));
}

interface Served extends StationSet {
  readonly ids: readonly string[];
}

const itemKey = (cell: CoverageCell) => `${cell.basis}:${cell.business}`;

/** Per basis and item the capable stations, the same in every mode, so found once. */
function capableByItem(
  stations: readonly Station[],
  cells: readonly CoverageCell[],
): Map<string, Served> {
  const served = new Map<string, Served>();
  const placeOf = stationPlaces();
  for (const cell of cells) {
    const key = itemKey(cell);
    if (served.has(key)) continue;
    const capable = capableStations(stations, cell.business, cell.basis);
    served.set(key, {
      key: sourceKeyOf(capable, placeOf),
      stations: capable,
      ids: capable.map((s) => s.stationId).sort(),
    });
  }
  return served;
}
