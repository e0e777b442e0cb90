import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@circle/kernel';
import { businessesFor } from '../../../stations/src/domain/business-catalog';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';
import { proposeSites } from '../domain/siting';
import { GeographyCache } from '../geography/geography-cache';
import type { SitingQuery } from '../http/coverage-query.dto';
import type { SitingSchema } from '../http/coverage.schemas';
import { CoverageNotReady, CoverageReadModel } from '../read-coverage/coverage-read-model';
import { ReadCoverageHandler } from '../read-coverage/read-coverage.handler';

export class KindCannotHandle extends DomainError {
  constructor(kind: string, business: string) {
    super('rule', 'kind_cannot_handle', `a ${kind} station may not handle ${business}`, [
      { field: 'kind', problem: `may not handle ${business}` },
    ]);
  }
}

/**
 * Where the next k stations of a kind would bring the most residents within the limit for an
 * item, given today's capable stations (greedy; see domain/siting.ts). Worked out on request:
 * a what-if, not a fact to keep.
 */
@Injectable()
export class ProposeSitesHandler {
  private readonly cache: GeographyCache;

  constructor(
    private readonly model: CoverageReadModel,
    private readonly reads: ReadCoverageHandler,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(COVERAGE_SETTINGS) private readonly settings: CoverageSettings,
  ) {
    this.cache = new GeographyCache(settings.speeds);
  }

  async propose(q: SitingQuery): Promise<SitingSchema> {
    if (!businessesFor(q.kind).includes(q.business)) throw new KindCannotHandle(q.kind, q.business);
    const cell = this.reads.cellOf(q);
    const imported = await this.model.geography(this.settings.region);
    const today = await this.model.minutesOf(cell, q.business);
    if (!imported || !today || today.geographyId !== imported.geographyId)
      throw new CoverageNotReady('siting');
    const sql = {
      query: <R>(text: string, params?: readonly unknown[]) =>
        this.db.query(text, params as unknown[]) as Promise<R[]>,
    };
    const geography = await this.cache.get(imported, sql);
    const population = geography.population;
    const covered = geography.communities.reduce(
      (sum, c, i) => sum + ((today.minutes[i] ?? Infinity) <= q.minutes ? c.population : 0),
      0,
    );
    const proposals = proposeSites(geography, {
      mode: cell.mode,
      limit: q.minutes,
      k: q.k ?? 3,
      minutes: today.minutes,
    });
    return {
      business: q.business,
      kind: q.kind,
      minutes: q.minutes,
      ...cell,
      population,
      coveredPopulation: covered,
      synthetic: imported.synthetic,
      proposals: proposals.map((p) => ({
        rank: p.rank,
        node: p.node,
        location: { lon: p.lon, lat: p.lat, synthetic: imported.synthetic },
        gain: p.gain,
        communities: [...p.communities],
        coveredPopulation: p.coveredPopulation,
        share: population > 0 ? p.coveredPopulation / population : 0,
      })),
    };
  }
}
