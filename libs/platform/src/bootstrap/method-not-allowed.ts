import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors/error-body';

interface RoutePattern {
  readonly segments: readonly string[];
  readonly methods: Set<string>;
}

// A parameter (`:stationId`) takes one non-empty segment; a wildcard takes the rest of the path.
function matches(pattern: readonly string[], path: readonly string[]): boolean {
  for (const [i, part] of pattern.entries()) {
    if (part === '*' || part.startsWith('*')) return true;
    const given = path[i];
    if (given === undefined) return false;
    if (part.startsWith(':') ? given === '' : part !== given) return false;
  }
  return pattern.length === path.length;
}

const segmentsOf = (path: string) => path.replace(/\/+$/, '').split('/');

/**
 * Fastify answers 404 to a method a path lacks, which tells a client the path is wrong when only
 * the method is (RFC 9110 §15.5.6). Every route is noted as it is registered; a request that
 * found none, on a path some route has, gets 405 with the methods that path takes in `Allow`.
 */
export function installMethodNotAllowed(http: FastifyInstance): void {
  const patterns = new Map<string, RoutePattern>();
  http.addHook('onRoute', (route) => {
    const key = route.url.replace(/\/+$/, '');
    const pattern = patterns.get(key) ?? { segments: segmentsOf(key), methods: new Set() };
    for (const method of [route.method].flat()) pattern.methods.add(method);
    patterns.set(key, pattern);
  });
  http.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || request.method === 'OPTIONS') return done();
    const path = segmentsOf(request.url.split('?')[0] ?? '');
    const allowed = new Set<string>();
    for (const pattern of patterns.values())
      if (matches(pattern.segments, path)) pattern.methods.forEach((m) => allowed.add(m));
    if (allowed.size === 0) return done();
    const body: ErrorBody = {
      error: 'method_not_allowed',
      message: `${request.method} is not served at this path; it takes ${[...allowed].join(', ')}`,
      fields: [{ field: 'method', problem: `must be one of ${[...allowed].join(', ')}` }],
    };
    void reply
      .code(405)
      .header('Allow', [...allowed].join(', '))
      .send(body);
  });
}
