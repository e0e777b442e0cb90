import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

export const REQUEST_ID_HEADER = 'x-request-id';

const QUIET = new Set(['/health', '/metrics']);

/** Accepts a caller's id so one walk-in can be followed across stations; otherwise makes one. */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Gives every request its correlation id (echoed as X-Request-Id, carried by the events it
 * appends) and writes one line when it completes. The line is built only when its level is
 * logged: a logger bound to each request, as pino-http makes, cost more than the request's own
 * work on a busy counter, every request, whether anything was logged or not.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  use(
    request: IncomingMessage & { id?: string },
    response: ServerResponse,
    next: () => void,
  ): void {
    const correlationId = requestIdOf(request, response);
    request.id = correlationId;
    const started = performance.now();
    response.once('finish', () => {
      const url = request.url ?? '';
      const level = response.statusCode >= 500 ? 'error' : 'info';
      const root = PinoLogger.root;
      if (QUIET.has(url) || !root?.isLevelEnabled(level)) return;
      root[level](
        {
          correlationId,
          method: request.method,
          url,
          status: response.statusCode,
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    next();
  }
}
