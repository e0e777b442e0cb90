import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestLogMiddleware } from './request-log.middleware';

export { REQUEST_ID_HEADER, requestIdOf } from './request-log.middleware';

/**
 * JSON lines through pino, for the app's own logs and one line per request. nestjs-pino's
 * per-request middleware is left unrouted (RequestLogMiddleware does that work, cheaply), so
 * no logger is bound to each request and no async context follows every promise.
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
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
