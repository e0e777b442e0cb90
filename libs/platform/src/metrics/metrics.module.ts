import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: MetricsRegistry,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MetricsRegistry(config.appName),
    },
  ],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
