import { Module, DynamicModule } from '@nestjs/common';
import { EnrollmentModule } from '@circle/enrollment';
import { OutboxRelayModule } from '@circle/event-store';
import { AppConfig, PlatformModule } from '@circle/platform';
import { SettlementModule } from '@circle/settlement';
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
        // Every station app offers to relay; an advisory lock lets one lead and another take over.
        OutboxRelayModule.with(),
        StationsModule.serving(['hospital']),
        StationPagesModule,
        EnrollmentModule.forStations(['hospital']),
        SettlementModule.forStations(['hospital']),
        WalkinsModule.forStations(['hospital']),
      ],
    };
  }
}
