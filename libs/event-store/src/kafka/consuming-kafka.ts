import { Kafka, logLevel } from 'kafkajs';
import { quietIdleRequestQueues } from './idle-request-queues';

/**
 * The Kafka client of a long-lived consumer (the projections', the notifier's): retries that
 * outlast a broker restart, and kafkajs's request queues kept quiet while idle.
 */
export function consumingKafka(brokers: readonly string[], clientId: string): Kafka {
  quietIdleRequestQueues();
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    connectionTimeout: 5_000,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
  });
}
