import { DynamicModule, Module } from '@nestjs/common';
import type { StationKind } from './domain/business-catalog';
import { StationDirectoryController } from './station-directory.http.controller';
import { SERVED_KINDS } from './station-profile/served-kinds';
import { StationProfileController } from './station-profile/station-profile.http.controller';

@Module({})
export class StationsModule {
  /** For a station app: the profiles of the stations it serves. */
  static serving(kinds: StationKind[]): DynamicModule {
    return {
      module: StationsModule,
      controllers: [StationProfileController],
      providers: [{ provide: SERVED_KINDS, useValue: kinds }],
    };
  }

  /** For the supervisor: the whole district. */
  static directory(): DynamicModule {
    return { module: StationsModule, controllers: [StationDirectoryController] };
  }
}
