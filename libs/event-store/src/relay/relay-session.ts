import { Client } from 'pg';

export interface RelaySessionOptions {
  readonly databaseUrl: string;
  readonly relayName: string;
  /**
   * How long the server lets the relay's session sit idle before it ends it, and with it the
   * leadership lock. Longer than any pause of a healthy leader (a Kafka send and its retries),
   * short enough that a frozen or cut-off leader does not stop relaying for long.
   */
  readonly sessionTimeoutMs?: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 60_000;

/**
 * The relay's one connection: it holds the leadership lock, reads the log and moves the
 * checkpoint. A leader whose connection went half-open (its host froze, the network dropped)
 * must not hold the lock for hours until the kernels notice, so both ends watch it:
 * - the client sends TCP keep-alives and gives up on a query with no answer (`query_timeout`),
 *   then closes and stands by like any relay that lost its database;
 * - the server probes the client with keep-alives and ends a session left idle past
 *   `idle_session_timeout`, which releases the advisory lock so a standby takes over;
 * - statement and idle-in-transaction timeouts bound what a stuck session can hold.
 */
export async function openRelaySession(
  options: RelaySessionOptions,
  onError: (client: Client, error: Error) => void,
): Promise<Client> {
  const sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
  const client = new Client({
    connectionString: options.databaseUrl,
    application_name: `service-circle-relay-${options.relayName}`,
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
    connectionTimeoutMillis: 5_000,
    query_timeout: Math.min(30_000, sessionTimeoutMs),
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 10_000,
  });
  // Listening before connecting: an unheard 'error' event would end the process.
  client.on('error', (error) => onError(client, error));
  await client.connect();
  try {
    const keepAliveSeconds = Math.max(1, Math.floor(sessionTimeoutMs / 6_000));
    // The checkpoint is the only thing this session writes. Losing its last moves in a crash
    // only re-sends events consumers already drop, so its commits need not wait for the disk,
    // and the commits of the clerks' appends share the WAL flushes with fewer others.
    await client.query(`SET synchronous_commit TO off;
      SET idle_session_timeout = ${Math.floor(sessionTimeoutMs)};
      SET tcp_keepalives_idle = ${keepAliveSeconds};
      SET tcp_keepalives_interval = ${keepAliveSeconds};
      SET tcp_keepalives_count = 3`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}
