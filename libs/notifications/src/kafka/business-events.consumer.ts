import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Pool } from 'pg';
import {
  LOG_HEADER,
  decodeEvent,
  eventLogId,
  consumingKafka,
  type StoredEvent,
} from '@circle/event-store';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import { QueueMessages } from '../queue-messages/queue-messages';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { SMS_POOL } from '../store/sms-pool';
import { startNewGroupAtLogStart } from './log-start';

const RESTART_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Events per PostgreSQL statement and BullMQ round trip: a fetch may bring many thousands. */
const CHUNK = 1_000;

/** One group per event log, as projections have (libs/projections/src/kafka/consumer-group.ts). */
export const notifierGroupId = (log: string): string =>
  `notifier.sms.${log.replace(/[^A-Za-z0-9._-]/g, '-')}`;

function headerText(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? undefined : one.toString();
}

/**
 * Reads the business topics and queues what they ask for. The Kafka offset is committed only
 * after a batch's messages are in PostgreSQL and BullMQ, so a crash replays the batch, and the
 * message records make that replay queue nothing twice.
 */
@Injectable()
export class BusinessEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BusinessEventsConsumer');
  private readonly kafka: Kafka;
  private consumer: Consumer | undefined;
  private log = '';
  private stopped = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SMS_POOL) private readonly db: Pool,
    private readonly queueMessages: QueueMessages,
  ) {
    this.kafka = consumingKafka(config.kafkaBrokers, `service-circle-${config.appName}-sms`);
  }

  /**
   * Joins in the background: a group join can wait out a departed member's session, and the
   * app's /health and /metrics must answer meanwhile (and say which link is down, if one is).
   */
  onApplicationBootstrap(): void {
    void this.start().catch((error: unknown) => this.restartLater(error));
  }

  /** Before the links close: a job or batch in hand finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async start(): Promise<void> {
    this.log ||= await eventLogId(this.db);
    if (this.stopped) return;
    const groupId = notifierGroupId(this.log);
    await startNewGroupAtLogStart(this.kafka, this.db, groupId, this.settings.topics).catch(
      (error: unknown) =>
        this.logger.warn(`group ${groupId} starts from the topics' beginning (${String(error)})`),
    );
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
    });
    if (this.stopped) return;
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.restarts = 0));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.restartLater(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.settings.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private restartLater(error: unknown): void {
    if (this.stopped) return;
    const delay = RESTART_MS[Math.min(this.restarts++, RESTART_MS.length - 1)] ?? 30_000;
    this.logger.error(`consumer stopped (${String(error)}); restarting in ${delay} ms`);
    const old = this.consumer;
    this.consumer = undefined;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await old?.disconnect().catch(() => undefined);
        if (!this.stopped) await this.start().catch((again: unknown) => this.restartLater(again));
      })();
    }, delay);
  }

  private async onBatch({
    batch,
    resolveOffset,
    commitOffsetsIfNecessary,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const last = batch.messages.at(-1);
    if (!last) return;
    for (let i = 0; i < batch.messages.length; i += CHUNK) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(i, i + CHUNK);
      await this.queueMessages.queueFor(this.ownEvents(batch.topic, chunk));
      await heartbeat();
    }
    resolveOffset(last.offset);
    await commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [
            { partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
          ],
        },
      ],
    });
    await heartbeat();
  }

  /** Records of this database's log; other logs share the topics and are not ours to text. */
  private ownEvents(topic: string, messages: readonly KafkaMessage[]): StoredEvent[] {
    const events: StoredEvent[] = [];
    for (const message of messages) {
      const log = headerText(message, LOG_HEADER);
      if (log !== undefined && log !== this.log) continue;
      try {
        events.push(decodeEvent(message));
      } catch (error) {
        this.logger.warn(`skipping ${topic}@${message.offset}: ${String(error)}`);
      }
    }
    return events;
  }
}
