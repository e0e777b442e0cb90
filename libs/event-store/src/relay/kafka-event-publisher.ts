import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import type { RelayedEvent } from '../stored-event';
import type { EventPublisher, RelayLogger } from './event-publisher';
import { kafkaLogTo } from './kafka-log';
import { quietIdleRequestQueues } from '../kafka/idle-request-queues';
import { installFastRecordEncoding } from './kafka-record-encoding';
import { topicBatches } from './topic-batches';

/**
 * An idempotent producer with one request in flight: a retried batch is neither duplicated by
 * the broker nor overtaken by the next one, so each partition keeps the relay's order.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private log?: string;

  constructor(
    brokers: readonly string[],
    clientId = 'service-circle-relay',
    logger: RelayLogger = console,
  ) {
    installFastRecordEncoding();
    quietIdleRequestQueues();
    this.kafka = new Kafka({
      clientId,
      brokers: [...brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogTo(logger),
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
    });
  }

  tagWithLog(log: string): void {
    this.log = log;
  }

  async connect(): Promise<void> {
    if (this.producer) return;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    await producer.connect();
    this.producer = producer;
  }

  async publish(events: readonly RelayedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connect();
    await this.producer?.sendBatch({ topicMessages: topicBatches(events, this.log), acks: -1 });
  }

  /** Also the way to start over after a failed send: the next publish connects afresh. */
  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }
}
