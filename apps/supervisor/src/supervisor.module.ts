import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@circle/audit';
import { ClaimsModule } from '@circle/claims';
import { CoverageModule } from '@circle/coverage';
import { EnrollmentModule } from '@circle/enrollment';
import { NotificationsModule, loadNotificationSettings } from '@circle/notifications';
import { AccountsModule, AppConfig, PlatformModule } from '@circle/platform';
import { ProjectionsModule } from '@circle/projections';
import { ReportsModule } from '@circle/reports';
import { SettlementModule } from '@circle/settlement';
import { SupervisorPagesModule } from '@circle/station-pages';
import { StationsModule } from '@circle/stations';
import { WalkinsModule } from '@circle/walkins';
import { supervisorProjections } from './supervisor.projections';

@Module({})
export class SupervisorModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: SupervisorModule,
      imports: [
        PlatformModule.forApp(config),
        StationsModule.directory(),
        AccountsModule,
        AuditModule,
        WalkinsModule.readSide(),
        EnrollmentModule.readSide(),
        ClaimsModule.readSide(),
        SettlementModule.readSide(),
        CoverageModule.readSide(),
        ReportsModule,
        SupervisorPagesModule,
        NotificationsModule.http(loadNotificationSettings()),
        ProjectionsModule.register(supervisorProjections()),
      ],
    };
  }
}
