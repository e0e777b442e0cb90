import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { maskPersonalData } from './mask-personal-data';

export const REQUEST_ID_HEADER = 'x-request-id';

const QUIET = new Set(['/health', '/metrics']);

/**
 * The request's correlation id: the caller's, so one walk-in can be followed across stations,
 * or a new one. It is the request's id for the whole app and rides on the events it appends.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** The live stream's URL carries the caller's token (EventSource sends no headers); logs must not. */
function withoutToken(url: string): string {
  return url.includes('access_token=') ? url.replace(/([?&]access_token=)[^&]*/g, '$1…') : url;
}

/**
 * Echoes the correlation id as X-Request-Id and writes one line when a request completes. The
 * line is built only when its level is logged: a logger bound to each request, as pino-http
 * makes, cost more than the request's own work on a busy counter, logged or not.
 */
export function installRequestLog(http: FastifyInstance): void {
  http.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  http.addHook('onResponse', (request, reply, done) => {
    const url = withoutToken(request.url);
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    const root = PinoLogger.root;
    if (!QUIET.has(url) && root?.isLevelEnabled(level))
      root[level](
        {
          correlationId: request.id,
          method: request.method,
          url: maskPersonalData(url),
          status: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    done();
  });
}
