import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin } from 'kafkajs';
import { decodeEvent, type StoredEvent } from '@circle/event-store';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export interface ReadRecord {
  readonly partition: number;
  readonly offset: bigint;
  readonly event: StoredEvent;
}

export const kafka = new Kafka({ clientId: 'event-store-tests', brokers, logLevel: logLevel.WARN });

export type TopicOffsets = { partition: number; offset: string }[];

/** The end of every partition now: reading from here sees only what this test publishes. */
export async function topicEnd(topic: string): Promise<TopicOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map(({ partition, offset }) => ({
      partition,
      offset,
    }));
  } finally {
    await admin.disconnect();
  }
}

/** The partition kafkajs' default partitioner gives a key, as the relay's producer does. */
export function partitionOfKey(key: string, partitions: number): number {
  const partitioner = Partitioners.DefaultPartitioner();
  return partitioner({
    topic: 'any',
    partitionMetadata: Array.from({ length: partitions }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      replicas: [0],
      isr: [0],
      partitionErrorCode: 0,
    })),
    message: { key, value: null },
  });
}

/**
 * Reads `topic` from `from` with a fresh consumer group until `done` holds for the records
 * whose stream id passes `keep`, or the time is up (then it returns what it has).
 */
export async function readTopic(
  topic: string,
  from: TopicOffsets,
  keep: (streamId: string) => boolean,
  done: (records: readonly ReadRecord[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadRecord[]> {
  const groupId = `event-store-test-${randomBytes(6).toString('hex')}`;
  await startGroupAt(groupId, topic, from);
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const records: ReadRecord[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        clearTimeout(timer);
        reject(payload.error);
      });
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              if (!keep(message.key?.toString() ?? '')) continue;
              records.push({
                partition: batch.partition,
                offset: BigInt(message.offset),
                event: decodeEvent(message),
              });
            }
            if (done(records)) finish();
          },
        })
        .catch(reject);
    });
    return records;
  } finally {
    await consumer.disconnect();
    await deleteGroup(groupId);
  }
}

async function withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

function startGroupAt(groupId: string, topic: string, from: TopicOffsets): Promise<void> {
  return withAdmin((admin) => admin.setOffsets({ groupId, topic, partitions: from }));
}

function deleteGroup(groupId: string): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.deleteGroups([groupId]).catch(() => undefined);
  });
}
