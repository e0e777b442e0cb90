import type { ProjectionTx } from '@circle/projections';
import type { Station } from '../../../stations/src/domain/station.state';
import type { CellResult, CoverageCell } from '../domain/coverage-recompute';
import type { Community } from '../domain/community';
import type { ImportedGeography } from '../geography/geography-store';

/** The coverage read model's tables, always named through the transaction (rebuilds). */
export const COVERAGE_TABLES = [
  'coverage_geography',
  'coverage_station',
  'coverage_community',
  'coverage_result',
] as const;

export async function stationState(tx: ProjectionTx, stationId: string): Promise<Station | null> {
  const [row] = await tx.query<{ state: Station }>(
    `SELECT state FROM ${tx.table('coverage_station')} WHERE station_id = $1`,
    [stationId],
  );
  return row?.state ?? null;
}

export async function saveStation(tx: ProjectionTx, stationId: string, state: Station | null) {
  if (!state) return;
  await tx.query(
    `INSERT INTO ${tx.table('coverage_station')} (station_id, state) VALUES ($1, $2::jsonb)
     ON CONFLICT (station_id) DO UPDATE SET state = excluded.state`,
    [stationId, JSON.stringify(state)],
  );
}

export async function allStations(tx: ProjectionTx): Promise<Station[]> {
  const rows = await tx.query<{ state: Station }>(
    `SELECT state FROM ${tx.table('coverage_station')} ORDER BY station_id`,
  );
  return rows.map((r) => r.state);
}

export async function saveGeography(tx: ProjectionTx, g: ImportedGeography, at: Date) {
  await tx.query(
    `INSERT INTO ${tx.table('coverage_geography')} (region, geography_id, data, imported_at)
     VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (region) DO UPDATE SET geography_id = excluded.geography_id,
       data = excluded.data, imported_at = excluded.imported_at`,
    [g.region, g.geographyId, JSON.stringify(g), at],
  );
}

export async function geographyOf(tx: ProjectionTx, region: string) {
  const [row] = await tx.query<{ data: ImportedGeography }>(
    `SELECT data FROM ${tx.table('coverage_geography')} WHERE region = $1`,
    [region],
  );
  return row?.data;
}

/** The communities of the geography in force, in the order the result arrays follow. */
export async function saveCommunities(tx: ProjectionTx, id: string, list: readonly Community[]) {
  await tx.query(`DELETE FROM ${tx.table('coverage_community')}`);
  await tx.query(
    `INSERT INTO ${tx.table('coverage_community')}
       (ordinal, community_id, name, population, lon, lat, geography_id)
     SELECT u.i - 1, u.id, u.name, u.population, u.lon, u.lat, $6
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[], $5::float8[])
       WITH ORDINALITY AS u(id, name, population, lon, lat, i)`,
    [
      list.map((c) => c.communityId),
      list.map((c) => c.name ?? null),
      list.map((c) => c.population),
      list.map((c) => c.lon),
      list.map((c) => c.lat),
      id,
    ],
  );
}

type StoredKey = {
  basis: string;
  mode: string;
  business: string;
  source_key: string;
  geography_id: string;
};

/** What each stored cell was computed from, or undefined when it was another geography. */
export async function storedKeys(tx: ProjectionTx, geographyId: string) {
  const rows = await tx.query<StoredKey>(
    `SELECT basis, mode, business, source_key, geography_id FROM ${tx.table('coverage_result')}`,
  );
  const keys = new Map(
    rows.map((r) => [
      `${r.basis}|${r.mode}|${r.business}`,
      r.geography_id === geographyId ? r.source_key : undefined,
    ]),
  );
  return (cell: CoverageCell) => keys.get(`${cell.basis}|${cell.mode}|${cell.business}`);
}

export async function saveResults(
  tx: ProjectionTx,
  geographyId: string,
  results: readonly CellResult[],
  at: Date,
) {
  for (const r of results)
    await tx.query(
      `INSERT INTO ${tx.table('coverage_result')} (basis, mode, business, geography_id, source_key,
         stations, population, covered_by_minute, minutes, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bigint[], $9::real[], $10)
       ON CONFLICT (basis, mode, business) DO UPDATE SET geography_id = excluded.geography_id,
         source_key = excluded.source_key, stations = excluded.stations,
         population = excluded.population, covered_by_minute = excluded.covered_by_minute,
         minutes = excluded.minutes, computed_at = excluded.computed_at`,
      [
        r.basis,
        r.mode,
        r.business,
        geographyId,
        r.sourceKey,
        r.stations,
        r.population,
        r.coveredByMinute,
        Array.from(r.minutes, (m) => (m === Infinity ? null : m)),
        at,
      ],
    );
}
