import type { FastifyInstance } from 'fastify';

/** JSON answers load nothing and belong in no frame. */
const API_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI: its own scripts and styles, some of the styles inline. */
const DOCS_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Headers every answer carries, errors and 404s included. They go on the raw response, so they
 * also reach the live streams, which Nest writes to the socket itself; a route that sets its own
 * (a page's Content-Security-Policy, the stream's Cache-Control) overrides them, as Node gives the
 * headers written last precedence. HSTS is sent only when configured: the apps speak plain HTTP,
 * and only a deployment whose every client comes through a TLS proxy may promise browsers that.
 */
export function installSecurityHeaders(http: FastifyInstance, hstsMaxAgeSeconds: number): void {
  http.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    raw.setHeader('X-Content-Type-Options', 'nosniff');
    raw.setHeader('X-Frame-Options', 'DENY');
    // Live-stream URLs carry the token; no page should hand its address to another site.
    raw.setHeader('Referrer-Policy', 'no-referrer');
    raw.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    raw.setHeader(
      'Content-Security-Policy',
      request.url.startsWith('/docs') ? DOCS_POLICY : API_POLICY,
    );
    // Answers hold personal data: no shared cache or browser disk keeps them.
    if (request.url.startsWith('/api/')) raw.setHeader('Cache-Control', 'no-store');
    if (hstsMaxAgeSeconds > 0)
      raw.setHeader('Strict-Transport-Security', `max-age=${hstsMaxAgeSeconds}`);
    done();
  });
}
