import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConcurrencyConflict, EventStore } from '@circle/event-store';
import { DEMO_DISTRICT } from '@circle/stations';
import { demoStationEvents } from '../../../stations/src/domain/demo-station-events';
import { stationStreamId } from '../../../stations/src/domain/station.events';

/**
 * Writes the demo district's stations and counters as their first events. Every station app
 * does it at start for the whole district, so the nearest-station advice never misses a
 * station whose app is not up; a stream that already exists is left as it is.
 */
@Injectable()
export class DemoDistrictSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoDistrictSeeder');

  constructor(private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const created: string[] = [];
    for (const profile of DEMO_DISTRICT) {
      try {
        await this.store.append(
          stationStreamId(profile.stationId),
          0,
          demoStationEvents(profile).map((e) => ({ ...e, schemaVersion: 1 })),
          {
            correlationId: `seed-${profile.stationId}`,
            actor: 'demo-seed',
            stationId: profile.stationId,
          },
        );
        created.push(profile.stationId);
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue;
        this.logger.warn(
          `could not seed station ${profile.stationId}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (created.length) this.logger.log(`seeded stations ${created.join(', ')}`);
  }
}
