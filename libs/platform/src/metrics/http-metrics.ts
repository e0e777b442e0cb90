import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from './metrics.registry';

/**
 * Times every request from its arrival to the last byte of its answer, refusals by the guard
 * and unknown routes included.
 */
export function installHttpMetrics(http: FastifyInstance, metrics: MetricsRegistry): void {
  http.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the URL, keeps label cardinality bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
