import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { securityOf } from '../config/security-config';
import { installRequestLog } from '../logging/request-log';
import { installHttpMetrics } from '../metrics/http-metrics';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { installCors } from './cors';
import { completeDocument } from '../openapi/complete-document';
import { createHttpAdapter, useJsonBodies } from './http-adapter';
import { installMethodNotAllowed } from './method-not-allowed';
import { installResponseDeadline } from './response-deadline';
import { installSecurityHeaders } from './security-headers';
import { keepRequestGarbageYoung } from './garbage-collection';

export interface AppDefinition {
  name: string;
  title: string;
  defaultPort: number;
  module: (config: AppConfig) => Type<unknown> | DynamicModule;
}

// The station pages and the supervisor's sit at pleasant URLs; the API they call stays under /api.
const STATION_PAGES = [
  'console',
  'kiosk/:stationId',
  'board/:stationId',
  'dashboard',
  'reports',
  'sms-queues',
  'verify',
  'assets/:file',
];
const OPEN_PATHS = ['health', 'metrics', 'docs', 'docs-json', ...STATION_PAGES];

/** Builds an app without listening, so tests and `main` start the very same thing. */
export async function createApp(
  definition: AppDefinition,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const security = securityOf(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    definition.module(config),
    createHttpAdapter(security.requestTimeoutSeconds * 1000),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  useJsonBodies(app);
  const http = app.getHttpAdapter().getInstance();
  installRequestLog(http);
  installSecurityHeaders(http, security.hstsMaxAgeSeconds);
  installCors(http, security.corsOrigins);
  installResponseDeadline(http, security.requestTimeoutSeconds);
  installMethodNotAllowed(http);
  installHttpMetrics(http, app.get(MetricsRegistry));
  app.setGlobalPrefix('api', {
    exclude: OPEN_PATHS.map((path) => ({ path, method: RequestMethod.ALL })),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`Service Circle — ${definition.title}`)
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** A bad setting stops the process with its variable named, whichever module read it. */
function stopOnConfigError(name: string, error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`${name} cannot start: ${error.message}`);
    process.exit(78);
  }
  throw error;
}

export async function bootstrap(definition: AppDefinition): Promise<void> {
  keepRequestGarbageYoung();
  let config: AppConfig;
  try {
    config = loadConfig(definition.name, definition.defaultPort);
  } catch (error) {
    stopOnConfigError(definition.name, error);
  }
  const app = await createApp(definition, config).catch((error: unknown) =>
    stopOnConfigError(definition.name, error),
  );
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`${definition.title} listening on http://127.0.0.1:${config.port}`);
}
