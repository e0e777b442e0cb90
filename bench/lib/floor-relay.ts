import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { Client } from 'pg';

/**
 * The least a relay can do, as its own process: read the rows appended since the last batch in
 * id order and hand them to Kafka, acknowledged by the broker, one batch at a time. It skips
 * what the product's relay must do (wait out commit-order gaps, keep its position in a table).
 */
const IDLE_MS = Number(process.env.FLOOR_RELAY_IDLE_MS ?? 50);
const BATCH = 2_000;

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const kafka = new Kafka({
    clientId: 'floor-relay',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.ERROR,
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const topic = process.env.FLOOR_TOPIC ?? '';
  let last = '0';
  let stopping = false;
  process.on('SIGTERM', () => (stopping = true));
  process.send?.('ready');
  while (!stopping) {
    const { rows } = await db.query<{ id: string; stream_id: string; at: string; data: string }>(
      `SELECT id, stream_id, (extract(epoch FROM occurred_at) * 1000)::text AS at, data::text AS data
       FROM bench_floor_event WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      continue;
    }
    await producer.send({
      topic,
      acks: -1,
      messages: rows.map((r) => ({
        key: r.stream_id,
        value: `{"id":${r.id},"at":${r.at},"data":${r.data}}`,
      })),
    });
    last = rows[rows.length - 1]?.id ?? last;
  }
  await producer.disconnect();
  await db.end();
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
