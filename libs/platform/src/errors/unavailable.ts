import type { ErrorBody } from './error-body';

// SQLSTATE classes 08 (connection exception) and 53 (insufficient resources, such as too many
// connections), and 57P01-57P03 (the server shutting down, crashed or not yet accepting).
const UNAVAILABLE_STATES = /^(08|53|57P0[1-3])/;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
// pg-pool's own words when no connection comes within its time, or one is cut mid-query.
const POOL_WORDS = /timeout exceeded when trying to connect|Connection terminated/;

/**
 * PostgreSQL away or out of connections is not the request's fault, nor a bug: it is a 503 that
 * names the part that is down and says when to retry, as /health does.
 */
export function databaseUnavailable(error: unknown): [number, ErrorBody] | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const down =
    (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNREACHABLE.has(code))) ||
    POOL_WORDS.test(error.message);
  if (!down) return undefined;
  return [
    503,
    {
      error: 'database_unavailable',
      message: 'the database cannot take this request right now; retry shortly',
      fields: [],
      retryAfterSeconds: 1,
    },
  ];
}
