import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * JSON lines through pino for the app's own logs. nestjs-pino's per-request middleware is left
 * unrouted: installRequestLog writes the one line per request, cheaply, so no logger is bound
 * to each request and no async context follows every promise.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [],
      providers: [],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [],
        pinoHttp: { level: config.logLevel, base: { app: config.appName }, autoLogging: false },
      }),
    }),
  ],
})
export class LoggingModule {}
