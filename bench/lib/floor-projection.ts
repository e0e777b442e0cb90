import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';

/**
 * The least a projection can do and still apply each event once, as its own process: each
 * fetched batch of a partition applied by one statement, a set-based upsert (a count per
 * stream) with the partition's checkpoint moved in the same statement, its offsets committed
 * to Kafka after. `FLOOR_PROJECTIONS` of them, each its own consumer group and table, as an
 * event of the product feeds several read models. An event is visible once all have applied
 * it; its lag (the last commit − the event's append) goes to the parent on ask.
 */
interface FloorEvent {
  readonly id: number;
  readonly at: number;
  readonly data: { readonly streamId: string };
}

const PROJECTIONS = Number(process.env.FLOOR_PROJECTIONS ?? 3);
const TOPIC = process.env.FLOOR_TOPIC ?? '';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 6 * PROJECTIONS });
  const kafka = new Kafka({
    clientId: 'floor-projection',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.ERROR,
  });
  const seen = new Map<number, number>();
  const visible: { at: number; lag: number }[] = [];
  process.on('message', (ask: string) => {
    if (ask === 'lags') process.send?.(visible.splice(0));
  });

  const consumers = await Promise.all(
    Array.from({ length: PROJECTIONS }, async (_, n) => {
      const table = `bench_floor_count_${n}`;
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.query(`CREATE TABLE ${table} (stream_id text PRIMARY KEY, n bigint NOT NULL)`);
      await pool.query(`DROP TABLE IF EXISTS ${table}_checkpoint`);
      await pool.query(
        `CREATE TABLE ${table}_checkpoint (part int PRIMARY KEY, next_offset bigint NOT NULL)`,
      );
      const consumer = kafka.consumer({
        groupId: `floor-${TOPIC}-${n}`,
        minBytes: Number(process.env.FLOOR_FETCH_MIN_BYTES ?? 65_536),
        maxWaitTimeInMs: Number(process.env.FLOOR_FETCH_WAIT_MS ?? 50),
      });
      await consumer.connect();
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
      const joined = new Promise<void>((resolve) =>
        consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
      );
      await consumer.run({
        partitionsConsumedConcurrently: 6,
        eachBatch: async ({ batch }) => {
          const events = batch.messages.map((m) => JSON.parse(String(m.value)) as FloorEvent);
          await pool.query(
            `WITH moved AS (
               INSERT INTO ${table}_checkpoint (part, next_offset) VALUES ($2, $3)
               ON CONFLICT (part) DO UPDATE SET next_offset = excluded.next_offset)
             INSERT INTO ${table} (stream_id, n)
             SELECT s, count(*) FROM unnest($1::text[]) AS s GROUP BY s
             ON CONFLICT (stream_id) DO UPDATE SET n = ${table}.n + excluded.n`,
            [events.map((e) => e.data.streamId), batch.partition, Number(batch.lastOffset()) + 1],
          );
          const now = Date.now();
          for (const e of events) {
            const count = (seen.get(e.id) ?? 0) + 1;
            if (count < PROJECTIONS) seen.set(e.id, count);
            else {
              seen.delete(e.id);
              visible.push({ at: e.at, lag: now - e.at });
            }
          }
        },
      });
      await joined;
      return consumer;
    }),
  );
  process.send?.('ready');
  process.on('SIGTERM', () => {
    void Promise.all(consumers.map((c) => c.disconnect()))
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
