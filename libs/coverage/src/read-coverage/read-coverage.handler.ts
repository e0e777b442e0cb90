import { Inject, Injectable } from '@nestjs/common';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';
import type { CoverageBasis } from '../domain/capable-stations';
import type { TravelMode } from '../domain/travel-modes';
import type { CommunitiesQuery, CoverageQuery, MinutesQuery } from '../http/coverage-query.dto';
import type { CoverageSchema, CoverageSummarySchema } from '../http/coverage.schemas';
import { Cell, CoverageNotReady, CoverageReadModel } from './coverage-read-model';

const shareOf = (covered: number, population: number) =>
  population > 0 ? covered / population : 0;

/** Answers from the coverage read model: one row for the figures, one scan for who is beyond. */
@Injectable()
export class ReadCoverageHandler {
  constructor(
    private readonly model: CoverageReadModel,
    @Inject(COVERAGE_SETTINGS) private readonly settings: CoverageSettings,
  ) {}

  cellOf(q: { mode?: TravelMode; basis?: CoverageBasis }): Cell {
    return { mode: q.mode ?? this.settings.defaultMode, basis: q.basis ?? 'open' };
  }

  async coverage(q: CoverageQuery): Promise<CoverageSchema> {
    const cell = this.cellOf(q);
    const [row] = await this.model.results(cell, q.minutes, q.business);
    if (!row) throw new CoverageNotReady(`coverage of ${q.business}`);
    const uncovered = await this.model.communities(cell, q.business, q.minutes);
    return {
      business: q.business,
      minutes: q.minutes,
      mode: cell.mode,
      basis: cell.basis,
      population: row.population,
      coveredPopulation: row.covered,
      share: shareOf(row.covered, row.population),
      uncovered: uncovered.map((u) => ({
        communityId: u.communityId,
        population: u.population,
        minutes: u.minutes,
      })),
      stations: row.stations,
      geographyId: row.geography_id,
      synthetic: row.synthetic,
      computedAt: new Date(row.computed_at).toISOString(),
    };
  }

  async summary(q: MinutesQuery): Promise<CoverageSummarySchema> {
    const cell = this.cellOf(q);
    const rows = await this.model.results(cell, q.minutes);
    if (rows.length === 0) throw new CoverageNotReady('coverage');
    return {
      minutes: q.minutes,
      ...cell,
      synthetic: rows.some((r) => r.synthetic),
      items: rows.map((r) => ({
        business: r.business,
        population: r.population,
        coveredPopulation: r.covered,
        share: shareOf(r.covered, r.population),
        stations: r.stations,
      })),
    };
  }

  /** Every community as a GeoJSON point with its minutes, for shading a map. */
  async communities(q: CommunitiesQuery) {
    const cell = this.cellOf(q);
    const geography = await this.model.geography(this.settings.region);
    if (!geography) throw new CoverageNotReady('communities');
    const rows = await this.model.communities(cell, q.business);
    return {
      type: 'FeatureCollection',
      synthetic: geography.synthetic,
      business: q.business,
      ...cell,
      geographyId: geography.geographyId,
      features: rows.map((c) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: {
          communityId: c.communityId,
          name: c.name ?? null,
          population: c.population,
          minutes: c.minutes,
          synthetic: geography.synthetic,
        },
      })),
    };
  }
}
