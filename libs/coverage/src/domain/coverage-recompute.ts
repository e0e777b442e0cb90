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
import { minutesPerStationSet } from './station-set-minutes';

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
  const stale = cells.flatMap((cell) => {
    const capable = capableStations(stations, cell.business, cell.basis);
    const sourceKey = sourceKeyOf(capable);
    return storedKey(cell) === sourceKey ? [] : [{ cell, capable, sourceKey }];
  });
  const byMode = new Map<TravelMode, Map<string, Float64Array>>();
  for (const mode of new Set(stale.map((s) => s.cell.mode))) {
    const sets = stale
      .filter((s) => s.cell.mode === mode)
      .map((s) => ({ key: s.sourceKey, stations: s.capable }));
    byMode.set(mode, minutesPerStationSet(geography, mode, sets));
  }
  return stale.map(({ cell, capable, sourceKey }) => {
    const minutes = byMode.get(cell.mode)?.get(sourceKey) ?? new Float64Array(0);
    return {
      ...cell,
      sourceKey,
      stations: capable.map((s) => s.stationId).sort(),
      population: geography.population,
      minutes,
      coveredByMinute: coveredByMinute(geography.communities, minutes),
    };
  });
}
