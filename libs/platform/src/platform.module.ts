import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ErrorFilter } from './errors/error.filter';
import { validationPipe } from './errors/validation';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RedisModule } from './redis/redis.module';

/** What every process of the circle shares: config, logs, links, health, metrics, login, errors. */
@Module({})
export class PlatformModule {
  static forApp(config: AppConfig, options: { login?: boolean } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.with(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        MetricsModule,
        HealthModule,
        AuthModule.with({ login: options.login ?? true }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
      ],
    };
  }
}
