import { BUSINESS_CODES, type BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { Station } from '../../../stations/src/domain/station.state';
import {
  COVERAGE_BASES,
  type CoverageBasis,
  capableStations,
  sourceKeyOf,
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

/**
 * The cells whose capable stations differ from what `storedKey` says was used, computed anew.
 * Cells served by the same stations share one search per mode, and each search builds on a
 * smaller set's (minutesPerStationSet).
 */
export function recomputeCells(
  geography: DistrictGeography,
  stations: readonly Station[],
  cells: readonly CoverageCell[],
  storedKey: (cell: CoverageCell) => string | undefined,
): CellResult[] {
  const servedBy = capableByItem(stations, cells);
  const stale = cells.flatMap((cell) => {
    const served = servedBy.get(itemKey(cell));
    return !served || storedKey(cell) === served.key ? [] : [{ cell, served }];
  });
  const population = geography.population;
  const results: CellResult[] = [];
  for (const mode of new Set(stale.map((s) => s.cell.mode))) {
    const inMode = stale.filter((s) => s.cell.mode === mode);
    const minutes = minutesPerStationSet(
      geography,
      mode,
      inMode.map((s) => s.served),
    );
    const profiles = new Map<string, readonly number[]>();
    for (const { cell, served } of inMode) {
      const found = minutes.get(served.key) ?? new Float64Array(0);
      let profile = profiles.get(served.key);
      if (!profile)
        profiles.set(served.key, (profile = coveredByMinute(geography.communities, found)));
      results.push({
        ...cell,
        sourceKey: served.key,
        stations: served.ids,
        population,
        minutes: found,
        coveredByMinute: profile,
      });
    }
  }
  return results;
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
  for (const cell of cells) {
    const key = itemKey(cell);
    if (served.has(key)) continue;
    const capable = capableStations(stations, cell.business, cell.basis);
    served.set(key, {
      key: sourceKeyOf(capable),
      stations: capable,
      ids: capable.map((s) => s.stationId).sort(),
    });
  }
  return served;
}
