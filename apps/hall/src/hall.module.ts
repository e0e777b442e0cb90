import { Module, DynamicModule } from '@nestjs/common';
import { ClaimsModule } from '@circle/claims';
import { EnrollmentModule } from '@circle/enrollment';
import { OutboxRelayModule } from '@circle/event-store';
import { AppConfig, PlatformModule } from '@circle/platform';
import { SettlementModule } from '@circle/settlement';
import { StationPagesModule } from '@circle/station-pages';
import { StationsModule } from '@circle/stations';
import { WalkinsModule } from '@circle/walkins';

@Module({})
export class HallModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: HallModule,
      imports: [
        PlatformModule.forApp(config),
        // Every station app offers to relay; an advisory lock lets one lead and another take over.
        OutboxRelayModule.with(),
        StationsModule.serving(['hall']),
        StationPagesModule,
        EnrollmentModule.forStations(['hall']),
        SettlementModule.forStations(['hall']),
        ClaimsModule.forStations(['hall']),
        WalkinsModule.forStations(['hall']),
      ],
    };
  }
}
