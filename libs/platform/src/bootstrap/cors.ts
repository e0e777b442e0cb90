import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors/error-body';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After';
const PREFLIGHT_CACHE_SECONDS = '600';

function refusal(origin: string): ErrorBody {
  return {
    error: 'forbidden',
    message: `pages from ${origin} may not call this API (CORS_ORIGINS)`,
    fields: [{ field: 'Origin', problem: 'is not an allowed origin' }],
  };
}

/**
 * Cross-origin calls are closed unless CORS_ORIGINS lists the calling page's origin: a
 * preflight from any other origin is refused with 403, and its answers carry no
 * Access-Control-Allow-Origin, so the browser keeps them from the page. The station pages are
 * served by the apps themselves and need no CORS. Tokens travel in a header, never a cookie,
 * so credentials are not allowed either.
 */
export function installCors(http: FastifyInstance, origins: readonly string[]): void {
  const allowed = new Set(origins);
  http.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return done();
    const preflight =
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-method'] !== undefined;
    if (allowed.size > 0) reply.raw.setHeader('Vary', 'Origin');
    if (!allowed.has(origin)) {
      if (!preflight) return done();
      void reply.code(403).send(refusal(origin));
      return;
    }
    reply.raw.setHeader('Access-Control-Allow-Origin', origin);
    if (!preflight) {
      reply.raw.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      return done();
    }
    void reply
      .code(204)
      .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
      .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
      .header('Access-Control-Max-Age', PREFLIGHT_CACHE_SECONDS)
      .send();
  });
}
