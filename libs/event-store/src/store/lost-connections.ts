import type { Pool } from 'pg';

/**
 * Hears every connection of a pool losing its server, idle or lent out. The pool listens to
 * idle connections only: a connection lent out when PostgreSQL restarts emits 'error' with
 * nobody listening, and Node ends the process. The query in flight fails on its own, and the
 * borrower gives the broken connection back.
 */
export function hearLostConnections(pool: Pool, onLost: (error: Error) => void): Pool {
  pool.on('error', onLost);
  pool.on('connect', (client) => client.on('error', onLost));
  return pool;
}
