import { BUSINESS_CODES, BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { Station } from '../../../stations/src/domain/station.state';
import { COVERAGE_BASES, CoverageBasis, capableStations, sourceKeyOf } from './capable-stations';
import { coveredByMinute } from './coverage-figures';
import type { DistrictGeography } from './district-geography';
import { TRAVEL_MODES, TravelMode } from './travel-modes';
import { minutesToNearest } from './travel-minutes';

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
 * Stations that serve exactly the same cells form one group and get one search per mode; a
 * cell's minutes are the least over the groups serving it. A province where every station of a
 * kind is alike needs 8 searches per mode (4 kinds, with or without a counter open) for its 26
 * cells, and each search costs a sweep of the whole road graph whatever its number of sources.
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
  const groups = groupsOf(
    stations,
    stale.map((s) => s.cell),
  );
  const searched = new Map<string, Float64Array>();
  const minutesOf = (mode: TravelMode, group: StationGroup) => {
    const key = `${mode}|${group.signature}`;
    let found = searched.get(key);
    if (!found) {
      found = minutesToNearest(
        geography,
        mode,
        group.stations.map((s) => s.location),
      );
      searched.set(key, found);
    }
    return found;
  };
  return stale.map(({ cell, capable, sourceKey }) => {
    const serving = groups.filter((g) => g.cells.has(cellKey(cell)));
    const minutes = leastOf(
      geography.communities.length,
      serving.map((g) => minutesOf(cell.mode, g)),
    );
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

interface StationGroup {
  readonly signature: string;
  readonly cells: ReadonlySet<string>;
  readonly stations: Station[];
}

const cellKey = (cell: Omit<CoverageCell, 'mode'>) => `${cell.basis}:${cell.business}`;

/** Stations grouped by the (basis, item) pairs among `cells` each can serve. */
function groupsOf(stations: readonly Station[], cells: readonly CoverageCell[]): StationGroup[] {
  const wanted = [...new Set(cells.map(cellKey))];
  const groups = new Map<string, StationGroup>();
  for (const station of stations) {
    const serves = wanted.filter((key) => {
      const [basis, business] = key.split(':') as [CoverageBasis, BusinessCode];
      return capableStations([station], business, basis).length > 0;
    });
    if (serves.length === 0) continue;
    const signature = serves.join(' ');
    const group = groups.get(signature) ?? { signature, cells: new Set(serves), stations: [] };
    group.stations.push(station);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

function leastOf(length: number, fields: readonly Float64Array[]): Float64Array {
  const least = new Float64Array(length).fill(Infinity);
  for (const field of fields)
    for (let i = 0; i < length; i++) if (field[i] < least[i]) least[i] = field[i];
  return least;
}
