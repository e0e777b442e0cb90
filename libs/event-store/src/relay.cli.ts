import { KafkaEventPublisher } from './relay/kafka-event-publisher';
import { OutboxRelay } from './relay/outbox-relay';
import type { RelayStart } from './relay/relay-checkpoint';

/*
 * The relay as its own process, for deployments that keep it apart from the HTTP apps and for
 * crash tests. Environment: DATABASE_URL, KAFKA_BROKERS, RELAY_NAME (default `outbox`),
 * RELAY_START_AT (`beginning` or `end`; only used when the relay has no checkpoint yet),
 * RELAY_SESSION_TIMEOUT_MS (how soon a frozen leader gives way; see relay-session.ts).
 */
const env = process.env;
const startAt = env.RELAY_START_AT ?? 'beginning';
if (startAt !== 'beginning' && startAt !== 'end') {
  console.error(`relay cannot start: RELAY_START_AT must be beginning or end, got "${startAt}"`);
  process.exit(78);
}

const sessionTimeout = env.RELAY_SESSION_TIMEOUT_MS;
if (sessionTimeout !== undefined && !/^[1-9]\d{3,}$/.test(sessionTimeout)) {
  console.error(
    `relay cannot start: RELAY_SESSION_TIMEOUT_MS must be 1000 or more, got "${sessionTimeout}"`,
  );
  process.exit(78);
}

const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle';
const relay = new OutboxRelay({
  databaseUrl,
  publisher: new KafkaEventPublisher((env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')),
  name: env.RELAY_NAME ?? 'outbox',
  startAt: startAt as RelayStart,
  sessionTimeoutMs: sessionTimeout === undefined ? undefined : Number(sessionTimeout),
});

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  relay.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('relay did not stop cleanly:', error);
      process.exit(1);
    },
  );
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
relay.start();
