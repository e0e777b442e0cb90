import { Module, DynamicModule } from '@nestjs/common';
import { EnrollmentModule } from '@circle/enrollment';
import { AppConfig, PlatformModule } from '@circle/platform';
import { StationPagesModule } from '@circle/station-pages';
import { StationsModule } from '@circle/stations';
import { WalkinsModule } from '@circle/walkins';

@Module({})
export class HospitalModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: HospitalModule,
      imports: [
        PlatformModule.forApp(config),
        StationsModule.serving(['hospital']),
        StationPagesModule,
        EnrollmentModule.forStations(['hospital']),
        WalkinsModule.forStations(['hospital']),
      ],
    };
  }
}
