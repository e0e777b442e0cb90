import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';

const RAISED = 'coverageImportBodyLimit';

/** Marks a route whose body may be as large as COVERAGE_IMPORT_LIMIT_MB. */
export const ImportBodyLimit = () => RouteConfig({ [RAISED]: true });

/**
 * Every other route keeps the app's small body limit; only a marked one takes a GeoJSON file.
 * Nest hands Fastify no per-route body limit, so this sets it as each route is registered: the
 * provider is built before the app registers its routes, and a route's own limit outranks the
 * JSON parser's.
 */
@Injectable()
export class ImportBodyLimitHook {
  constructor(adapter: HttpAdapterHost, @Inject(COVERAGE_SETTINGS) settings: CoverageSettings) {
    const http = adapter.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    http?.addHook('onRoute', (route: RouteOptions) => {
      const config = route.config as Record<string, unknown> | undefined;
      if (config?.[RAISED]) route.bodyLimit = settings.importLimitBytes;
    });
  }
}
