import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { encodeEvent, type StoredEvent } from '@circle/event-store';

const kafka = new Kafka({
  clientId: 'projection-tests',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.WARN,
  // The test machine runs the broker, PostgreSQL and every test on two cores.
  connectionTimeout: 10_000,
  retry: { retries: 8 },
});

/**
 * A private topic per test run: the brokers never auto-create topics, and the project's own
 * topics must not receive probe records other consumers would have to skip.
 */
export class TestTopic {
  private producer: Producer | undefined;

  private constructor(readonly name: string) {}

  static async create(name: string, partitions: number): Promise<TestTopic> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }],
      });
    } finally {
      await admin.disconnect();
    }
    return new TestTopic(name);
  }

  /** Published as the relay does: CloudEvents binary mode, keyed by stream. */
  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (!this.producer) {
      this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    for (let i = 0; i < events.length; i += 1_000)
      await this.producer.send({
        topic: this.name,
        messages: events.slice(i, i + 1_000).map(encodeEvent),
      });
  }

  /** The offsets Kafka holds for a consumer group on this topic, by partition. */
  async groupOffsets(groupId: string): Promise<Map<number, bigint>> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [answer] = await admin.fetchOffsets({ groupId, topics: [this.name] });
      return new Map((answer?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    } finally {
      await admin.disconnect();
    }
  }

  /** Best effort: a topic left behind costs nothing, a teardown that throws hides the result. */
  async remove(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.deleteTopics({ topics: [this.name] });
    } catch {
      // Left for the next infra reset.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
