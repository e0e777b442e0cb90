import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@circle/kernel';
import type { CoverageBasis } from '../domain/capable-stations';
import type { CommunityMinutes } from '../domain/coverage-figures';
import type { GeographyLayer } from '../domain/geography.events';
import type { TravelMode } from '../domain/travel-modes';
import type { ImportedGeography } from '../geography/geography-store';

export class CoverageNotReady extends DomainError {
  constructor(what: string) {
    super(
      'not-found',
      'coverage_not_ready',
      `${what}: no geography has been imported and projected yet`,
    );
  }
}

export interface ResultRow {
  readonly business: string;
  readonly population: number;
  readonly covered: number;
  readonly stations: string[];
  readonly geography_id: string;
  readonly computed_at: Date;
  readonly synthetic: boolean;
}

export interface Cell {
  readonly basis: CoverageBasis;
  readonly mode: TravelMode;
}

/** Reads of the `coverage` projection's tables; every answer is one or two statements. */
@Injectable()
export class CoverageReadModel {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Per item: population and those within `minutes` (the stored profile's entry). */
  async results(cell: Cell, minutes: number, business?: string): Promise<ResultRow[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT r.business, r.population, r.covered_by_minute[$3 + 1] AS covered, r.stations,
              r.geography_id, r.computed_at, coalesce((g.data->>'synthetic')::boolean, false) AS synthetic
       FROM coverage_result r JOIN coverage_geography g ON g.geography_id = r.geography_id
       WHERE r.basis = $1 AND r.mode = $2 AND ($4::text IS NULL OR r.business = $4)
       ORDER BY r.business`,
      [cell.basis, cell.mode, minutes, business ?? null],
    );
    return rows.map((r) => ({
      ...(r as unknown as ResultRow),
      population: Number(r.population),
      covered: Number(r.covered ?? 0),
    }));
  }

  /** Communities with their minutes, those beyond `over` only when it is given. */
  async communities(
    cell: Cell,
    business: string,
    over?: number,
  ): Promise<(CommunityMinutes & CommunityPlace)[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.community_id, c.name, c.population, c.lon, c.lat, u.m AS minutes
       FROM coverage_result r
       CROSS JOIN LATERAL unnest(r.minutes) WITH ORDINALITY AS u(m, i)
       JOIN coverage_community c ON c.ordinal = u.i - 1 AND c.geography_id = r.geography_id
       WHERE r.basis = $1 AND r.mode = $2 AND r.business = $3
         AND ($4::float8 IS NULL OR u.m IS NULL OR u.m > $4)
       ORDER BY u.m DESC NULLS FIRST, c.community_id`,
      [cell.basis, cell.mode, business, over ?? null],
    );
    return rows.map((r) => ({
      communityId: String(r.community_id),
      name: r.name === null ? undefined : String(r.name),
      population: Number(r.population),
      lon: Number(r.lon),
      lat: Number(r.lat),
      minutes: r.minutes === null ? null : Math.round(Number(r.minutes) * 10) / 10,
    }));
  }

  /** The minutes of every community in result order (Infinity: none), for siting. */
  async minutesOf(
    cell: Cell,
    business: string,
  ): Promise<{ minutes: number[]; geographyId: string } | undefined> {
    const [row]: { minutes: (number | null)[]; geography_id: string }[] = await this.db.query(
      `SELECT minutes, geography_id FROM coverage_result WHERE basis = $1 AND mode = $2 AND business = $3`,
      [cell.basis, cell.mode, business],
    );
    if (!row) return undefined;
    return {
      geographyId: row.geography_id,
      minutes: row.minutes.map((m) => (m === null ? Infinity : Math.round(Number(m) * 10) / 10)),
    };
  }

  async geography(region: string): Promise<(ImportedGeography & { importedAt: Date }) | undefined> {
    const [row]: { data: ImportedGeography; imported_at: Date }[] = await this.db.query(
      'SELECT data, imported_at FROM coverage_geography WHERE region = $1',
      [region],
    );
    return row ? { ...row.data, importedAt: row.imported_at } : undefined;
  }

  /** The stored GeoJSON of a layer in force, as text: it goes to the map as it was imported. */
  async layerText(region: string, layer: GeographyLayer): Promise<string | undefined> {
    const [row]: { body: string }[] = await this.db.query(
      `SELECT l.body::text AS body FROM coverage_geography g
       JOIN coverage_geography_layer l ON l.hash = g.data->$2->>'hash'
       WHERE g.region = $1`,
      [region, layer],
    );
    return row?.body;
  }
}

export interface CommunityPlace {
  readonly name?: string;
  readonly lon: number;
  readonly lat: number;
}
