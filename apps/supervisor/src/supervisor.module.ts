import { DynamicModule, Module } from '@nestjs/common';
import { EnrollmentModule, enrollmentProjections } from '@circle/enrollment';
import { AccountsModule, AppConfig, PlatformModule } from '@circle/platform';
import { ProjectionsModule } from '@circle/projections';
import { StationsModule } from '@circle/stations';
import { WalkinsModule, walkinsProjections } from '@circle/walkins';

@Module({})
export class SupervisorModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: SupervisorModule,
      imports: [
        PlatformModule.forApp(config),
        StationsModule.directory(),
        AccountsModule,
        WalkinsModule.readSide(),
        EnrollmentModule.readSide(),
        ProjectionsModule.register([...walkinsProjections(), ...enrollmentProjections()]),
      ],
    };
  }
}
