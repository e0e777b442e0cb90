import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { LOG_HEADER, encodeEvent, type StoredEvent } from '@circle/event-store';
import { EVENT_EXAMPLES } from '../../libs/enrollment/src/events.examples';

const ENROLLED = EVENT_EXAMPLES.find((e) => e.type === 'enrollment.ResidentEnrolled')!;

/**
 * Enrollment events as the relay publishes them for the bench database, on a topic of the
 * bench's own: the business topics stay free of bench traffic, and the notifier is pointed at
 * this one with SMS_TOPICS. Each event carries the time it is produced as its event time.
 */
export class SmsFeed {
  private producer: Producer | undefined;
  private sequence = 0;

  private constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
    private readonly log: string,
  ) {}

  static async create(brokers: string[], log: string): Promise<SmsFeed> {
    const kafka = new Kafka({ clientId: 'bench-sms', brokers, logLevel: logLevel.ERROR });
    const topic = `bench.sms.${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    return new SmsFeed(kafka, topic, log);
  }

  private event(): StoredEvent {
    const n = ++this.sequence;
    const phone = `137${String(n % 100_000_000).padStart(8, '0')}`;
    const data = ENROLLED.data as unknown as { notice: object } & Record<string, unknown>;
    return {
      eventId: randomUUID(),
      type: ENROLLED.type,
      schemaVersion: 1,
      streamId: `resident-bench-${n}`,
      streamVersion: 1,
      globalPosition: BigInt(n),
      transactionId: BigInt(n),
      occurredAt: new Date(),
      data: { ...data, phone, notice: { ...data.notice, phone } },
      metadata: { correlationId: randomUUID(), actor: 'bench', stationId: 'town-1' },
    };
  }

  /** Produces `count` events now; returns their ids. */
  async produce(count: number): Promise<string[]> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    const events = Array.from({ length: count }, () => this.event());
    const messages = events.map((e) => {
      const record = encodeEvent(e);
      return { ...record, headers: { ...record.headers, [LOG_HEADER]: this.log } };
    });
    await this.producer.send({ topic: this.topic, messages });
    return events.map((e) => e.eventId);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [this.topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
