import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { LOG_HEADER, encodeEvent, type StoredEvent } from '@circle/event-store';

const kafka = new Kafka({
  clientId: 'notifier-tests',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.WARN,
  connectionTimeout: 10_000,
  retry: { retries: 8 },
});

async function withAdmin<T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * A topic of the test run's own, handed to the notifier as SMS_TOPICS: the business topics
 * stay free of test records, and the notifier reads exactly what the test publishes there.
 */
export class SmsTopic {
  private producer: Producer | undefined;

  private constructor(
    readonly name: string,
    private readonly log: string,
  ) {}

  static async create(log: string): Promise<SmsTopic> {
    const name = `sms-test.${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
    await withAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: name, numPartitions: 6, replicationFactor: 1 }],
      }),
    );
    return new SmsTopic(name, log);
  }

  /** As the relay publishes: CloudEvents binary mode, keyed by stream, tagged with the log. */
  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (!this.producer) {
      this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    const messages = events.map((event) => {
      const record = encodeEvent(event);
      return { ...record, headers: { ...record.headers, [LOG_HEADER]: this.log } };
    });
    for (let i = 0; i < messages.length; i += 1_000)
      await this.producer.send({ topic: this.name, messages: messages.slice(i, i + 1_000) });
  }

  async remove(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await withAdmin((admin) => admin.deleteTopics({ topics: [this.name] })).catch(() => undefined);
  }
}
