import { Kafka, Partitioners, logLevel, type Message, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { LOG_HEADER, encodeEvent, eventLogId, type StoredEvent } from '@circle/event-store';
import { TEST_DATABASE_URL } from '../../support/test-env';

const kafka = new Kafka({
  clientId: 'projection-tests',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.WARN,
  // The test machine runs the broker, PostgreSQL and every test on two cores.
  connectionTimeout: 10_000,
  retry: { retries: 8 },
});

let testLog: Promise<string> | undefined;

/** The test database's event log name, as the relay tags every record with it. */
export function testLogId(): Promise<string> {
  testLog ??= (async () => {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      return await eventLogId(client);
    } finally {
      await client.end();
    }
  })();
  return testLog;
}

/** A record as the relay would send it for the event log `log`. */
export function relayedRecord(event: StoredEvent, log: string): Message {
  const message = encodeEvent(event);
  return { ...message, headers: { ...message.headers, [LOG_HEADER]: log } };
}

/**
 * A private topic per test run: the brokers never auto-create topics, and the project's own
 * topics must not receive probe records other consumers would have to skip.
 */
export class TestTopic {
  private producer: Producer | undefined;

  private constructor(readonly name: string) {}

  static async create(name: string, partitions: number): Promise<TestTopic> {
    await withAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }],
      }),
    );
    return new TestTopic(name);
  }

  /** Published as the relay does for the test database: CloudEvents binary mode, keyed by stream. */
  async publish(events: readonly StoredEvent[], log?: string): Promise<void> {
    const tag = log ?? (await testLogId());
    await this.send(events.map((e) => relayedRecord(e, tag)));
  }

  /** Records exactly as given, keyed or partitioned by the caller. */
  async send(messages: readonly Message[]): Promise<void> {
    if (!this.producer) {
      this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    for (let i = 0; i < messages.length; i += 1_000)
      await this.producer.send({ topic: this.name, messages: messages.slice(i, i + 1_000) });
  }

  /** Kafka's first and next offsets per partition. */
  async watermarks(): Promise<Map<number, { low: bigint; high: bigint }>> {
    const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(this.name));
    return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
  }

  /** What retention does to old segments: every record now in the topic is gone from Kafka. */
  async deleteEverythingSoFar(): Promise<void> {
    await withAdmin(async (admin) => {
      // Also loads the topic's metadata, which deleting records needs to find the leaders.
      const offsets = await admin.fetchTopicOffsets(this.name);
      await admin.deleteTopicRecords({
        topic: this.name,
        partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
      });
    });
  }

  /** The offsets Kafka holds for a consumer group on this topic, by partition. */
  async groupOffsets(groupId: string): Promise<Map<number, bigint>> {
    const [answer] = await withAdmin((admin) =>
      admin.fetchOffsets({ groupId, topics: [this.name] }),
    );
    return new Map((answer?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  }

  /** Best effort: a topic left behind costs nothing, a teardown that throws hides the result. */
  async remove(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await withAdmin((admin) => admin.deleteTopics({ topics: [this.name] })).catch(() => undefined);
  }
}

async function withAdmin<T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
