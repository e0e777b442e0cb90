import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';
import type { DistrictGeography } from '../domain/district-geography';
import type { LonLat } from '../domain/geo-point';
import { RoadTrip, tripsFrom } from '../domain/travel-minutes';
import type { TravelMode } from '../domain/travel-modes';
import { GeographyCache } from '../geography/geography-cache';
import { currentGeography } from '../geography/geography-store';
import { GEOGRAPHY_DEPS, GeographyDeps } from '../geography/geography.tokens';

/** Trips by road, with what they were reckoned on; undefined trips where no road joins. */
export interface RoadTrips {
  readonly method: 'road-network';
  readonly mode: TravelMode;
  readonly geographyId: string;
  readonly synthetic: boolean;
  readonly trips: (RoadTrip | undefined)[];
}

const RECHECK_MS = 30_000;

/**
 * Road travel minutes for the station apps (the wrong-station referral): the same geography and
 * the same function as the coverage, loaded at start from the event log and the layer store
 * and looked for again at most every 30 s, so an import reaches the station apps too.
 */
@Injectable()
export class RoadTravel implements OnApplicationBootstrap {
  private readonly logger = new Logger('RoadTravel');
  private readonly cache: GeographyCache;
  private current?: { id: string; synthetic: boolean; geography: DistrictGeography };
  private checkedAt = 0;

  constructor(
    @Inject(GEOGRAPHY_DEPS) private readonly deps: GeographyDeps,
    @Inject(COVERAGE_SETTINGS) private readonly settings: CoverageSettings,
  ) {
    this.cache = new GeographyCache(settings.speeds);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((error: unknown) =>
      this.logger.warn(
        `no road geography yet: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /** Trips in the default mode, or undefined when no geography has been imported. */
  async trips(from: LonLat, to: readonly LonLat[]): Promise<RoadTrips | undefined> {
    if (Date.now() - this.checkedAt > RECHECK_MS) await this.refresh().catch(() => undefined);
    const current = this.current;
    if (!current) return undefined;
    const mode = this.settings.defaultMode;
    return {
      method: 'road-network',
      mode,
      geographyId: current.id,
      synthetic: current.synthetic,
      trips: tripsFrom(current.geography, mode, from, to),
    };
  }

  private async refresh(): Promise<void> {
    this.checkedAt = Date.now();
    const { geography } = await currentGeography(this.deps.store, this.settings.region);
    if (!geography || geography.geographyId === this.current?.id) return;
    const prepared = await this.cache.get(geography, this.deps.sql);
    this.current = {
      id: geography.geographyId,
      synthetic: geography.synthetic,
      geography: prepared,
    };
    this.logger.log(
      `road travel on geography ${geography.geographyId} (${geography.communities.features} communities, ${geography.roads.km} km of roads)`,
    );
  }
}
