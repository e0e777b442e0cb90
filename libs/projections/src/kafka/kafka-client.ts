import { Kafka, logLevel } from 'kafkajs';
import { quietIdleRequestQueues } from '../event-store';

/** Structural, so a NestJS `Logger` or `console` both fit. */
export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function projectionKafka(brokers: readonly string[], clientId: string): Kafka {
  quietIdleRequestQueues();
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    connectionTimeout: 5_000,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
  });
}
