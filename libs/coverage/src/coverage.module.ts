import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventStore, EventStoreModule } from '@circle/event-store';
import { COVERAGE_SETTINGS, CoverageSettings, loadCoverageSettings } from './coverage.config';
import { GEOGRAPHY_DEPS, GeographyDeps } from './geography/geography.tokens';
import { ImportBodyLimitHook } from './import-geography/import-body-limit';
import { ImportGeographyController } from './import-geography/import-geography.http.controller';
import { ImportGeographyHandler } from './import-geography/import-geography.handler';
import { ProposeSitesController } from './propose-sites/propose-sites.http.controller';
import { ProposeSitesHandler } from './propose-sites/propose-sites.handler';
import { CoverageReadModel } from './read-coverage/coverage-read-model';
import { ReadCoverageController } from './read-coverage/read-coverage.http.controller';
import { ReadCoverageHandler } from './read-coverage/read-coverage.handler';
import { RoadTravel } from './road-travel/road-travel';

function shared(settings: CoverageSettings): Provider[] {
  return [
    { provide: COVERAGE_SETTINGS, useValue: settings },
    {
      provide: GEOGRAPHY_DEPS,
      inject: [EventStore, getDataSourceToken()],
      useFactory: (store: EventStore, db: DataSource): GeographyDeps => ({
        store,
        sql: { query: (text, params) => db.query(text, params as unknown[]) },
      }),
    },
  ];
}

/**
 * The service circle's coverage: on the supervisor the read model's routes, siting and the
 * geography import; on the station apps the road travel minutes the walk-in referral uses.
 */
@Module({})
export class CoverageModule {
  static readSide(settings: CoverageSettings = loadCoverageSettings()): DynamicModule {
    return {
      module: CoverageModule,
      imports: [EventStoreModule],
      controllers: [ReadCoverageController, ProposeSitesController, ImportGeographyController],
      providers: [
        ...shared(settings),
        ImportBodyLimitHook,
        CoverageReadModel,
        ReadCoverageHandler,
        ProposeSitesHandler,
        ImportGeographyHandler,
      ],
    };
  }

  static travel(settings: CoverageSettings = loadCoverageSettings()): DynamicModule {
    return {
      module: CoverageModule,
      imports: [EventStoreModule],
      providers: [...shared(settings), RoadTravel],
      exports: [RoadTravel],
    };
  }
}
