import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule, AppConfig, PlatformModule } from '@circle/platform';
import { StationsModule } from '@circle/stations';

@Module({})
export class SupervisorModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: SupervisorModule,
      imports: [PlatformModule.forApp(config), StationsModule.directory(), AccountsModule],
    };
  }
}
