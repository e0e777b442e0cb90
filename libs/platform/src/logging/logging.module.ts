import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { maskLogFields, maskPersonalData } from './mask-personal-data';

/**
 * JSON lines through pino for the app's own logs. nestjs-pino's per-request middleware is left
 * unrouted: installRequestLog writes the one line per request, cheaply, so no logger is bound
 * to each request and no async context follows every promise. Every line, whoever writes it,
 * has its ID numbers and phones masked on the way out.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [],
      providers: [],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [],
        pinoHttp: {
          level: config.logLevel,
          base: { app: config.appName },
          autoLogging: false,
          formatters: {
            log: (fields: Record<string, unknown>) =>
              maskLogFields(fields) as Record<string, unknown>,
          },
          hooks: {
            logMethod(args: unknown[], write: (...args: unknown[]) => void) {
              write.apply(
                this,
                args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)),
              );
            },
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
