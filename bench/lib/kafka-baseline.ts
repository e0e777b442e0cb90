import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

/**
 * Raw Kafka: produce N small records to a fresh topic, then time one consumer reading them all.
 * The pipeline's figures are shown beside this consume rate.
 */
export async function rawKafkaConsumeRate(brokers: string[], count: number): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.ERROR });
  const topic = `bench.raw.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const value = JSON.stringify({ ticketId: 't', number: 'A012', business: 'ENROLL_RESIDENT' });
  for (let sent = 0; sent < count; sent += 5000) {
    const messages = Array.from({ length: Math.min(5000, count - sent) }, (_, i) => ({
      key: `stream-${(sent + i) % 500}`,
      value,
    }));
    await producer.send({ topic, messages });
  }
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let started = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (!started) started = performance.now();
        seen += batch.messages.length;
        if (seen >= count) resolve(performance.now() - started);
      },
    });
  });
  const elapsedMs = await done;
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return (count / elapsedMs) * 1000;
}
