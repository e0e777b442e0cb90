import { Logger } from '@nestjs/common';
import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { STATION_EVENT_TYPES, StationEvent } from '../../../stations/src/domain/station.events';
import { evolveStation } from '../../../stations/src/domain/station.state';
import { everyCell, planRecompute, resultsOf } from '../domain/coverage-recompute';
import { GEOGRAPHY_EVENT_TYPES, GeographyImported } from '../domain/geography.events';
import type { CoverageSettings } from '../coverage.config';
import { GeographyCache } from '../geography/geography-cache';
import { ModeSearches } from './mode-searches';
import type { Sql } from '../geography/geography-store';
import {
  COVERAGE_TABLES,
  allStations,
  geographyOf,
  saveCommunities,
  saveGeography,
  saveResults,
  saveStation,
  stationState,
  storedKeys,
} from './coverage-tables';

export const COVERAGE_PROJECTION = 'coverage';
export const COVERAGE_TOPIC = 'circle.coverage';

const HANDLED: ReadonlySet<string> = new Set([...STATION_EVENT_TYPES, ...GEOGRAPHY_EVENT_TYPES]);

/**
 * Coverage of every item, in every mode, on both bases, kept current: station and counter
 * events change who can serve what, an import changes the map, and after each chunk the cells
 * whose capable stations or geography changed are searched again (a closed counter at one
 * station touches only the items it served). Per community it stores the minutes to the nearest
 * capable station, and per cell the population within every whole minute up to 120, so the
 * API answers any limit with one row.
 */
export function coverageProjection(
  settings: CoverageSettings,
  topics: readonly string[] = ['circle.stations', COVERAGE_TOPIC],
): Projection {
  const cache = new GeographyCache(settings.speeds);
  const searches = new ModeSearches({
    parallelFromNodes: settings.parallelFromNodes,
    onThreadFailure: (error) =>
      new Logger('CoverageProjection').warn(
        `a search thread failed, searching on the main thread: ${error.message}`,
      ),
  });
  const sqlIn = (tx: ProjectionTx): Sql => ({
    query: <R>(text: string, params?: readonly unknown[]) =>
      tx.query(text, params) as unknown as Promise<R[]>,
  });

  async function fold(event: StoredEvent, tx: ProjectionTx): Promise<void> {
    if (event.type === 'coverage.GeographyImported') {
      const data = event.data as GeographyImported['data'];
      if (data.region !== settings.region) return;
      await saveGeography(tx, data, event.occurredAt);
      const geography = await cache.get(data, sqlIn(tx));
      await saveCommunities(tx, data.geographyId, geography.communities);
      return;
    }
    const stationId = event.streamId.replace(/^station-/, '');
    const before = await stationState(tx, stationId);
    await saveStation(tx, stationId, evolveStation(before, event as unknown as StationEvent));
  }

  async function recompute(tx: ProjectionTx, at: Date): Promise<void> {
    // Partitions are applied side by side, each in its own transaction, and each sees only the
    // stations it wrote itself. Taken in turn, every recompute after the lock reads the others'
    // committed stations (each statement sees what committed before it), so the last one to
    // commit has seen every station and no result rests on a partial district.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [tx.table('coverage_result')]);
    const imported = await geographyOf(tx, settings.region);
    if (!imported) return;
    const geography = await cache.get(imported, sqlIn(tx));
    const stored = await storedKeys(tx, imported.geographyId);
    const plan = planRecompute(await allStations(tx), everyCell(), stored);
    const minutes = await searches.minutesByMode(geography, plan.setsByMode);
    await saveResults(tx, imported.geographyId, resultsOf(geography, plan, minutes), at);
  }

  return {
    name: COVERAGE_PROJECTION,
    topics,
    tables: [...COVERAGE_TABLES],
    handles: (type) => HANDLED.has(type),
    async apply(event, tx) {
      await fold(event, tx);
      await recompute(tx, event.occurredAt);
    },
    async applyBatch(events, tx) {
      for (const event of events) await fold(event, tx);
      const last = events.at(-1);
      if (last) await recompute(tx, last.occurredAt);
    },
  };
}
