import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@circle/platform';

@Module({})
export class NotifierModule {
  static with(config: AppConfig): DynamicModule {
    return { module: NotifierModule, imports: [PlatformModule.forApp(config, { login: false })] };
  }
}
