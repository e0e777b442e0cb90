import { Client } from 'pg';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { eventLogId } from '@circle/event-store';
import type { Projection } from '@circle/projections';
import { notifierGroupId } from '../../libs/notifications/src/kafka/business-events.consumer';
import { BUSINESS_TOPICS } from '../../libs/notifications/src/settings/notification-settings';

/**
 * The business topics are shared with the tests and earlier runs of everyone on this broker and
 * hold a long history of other databases' logs, which a fresh database's projections would
 * read through (and skip) first: in production they hold this district's events only. The
 * runner resumes from the offsets PostgreSQL records, so recording today's end offsets before
 * the apps start makes every projection begin there; the relay publishes this database's whole
 * log after it.
 */
export async function projectionsStartAtTopicEnd(
  databaseUrl: string,
  brokers: string[],
  projections: readonly Projection[],
): Promise<void> {
  await withAdminAndDatabase(databaseUrl, brokers, async (admin, db) => {
    const topics = [...new Set(projections.flatMap((p) => p.topics))];
    const ends = new Map(
      await Promise.all(topics.map(async (t) => [t, await admin.fetchTopicOffsets(t)] as const)),
    );
    for (const projection of projections)
      for (const topic of projection.topics)
        for (const { partition, high } of ends.get(topic) ?? [])
          await db.query(
            `INSERT INTO projection_checkpoint (projection, topic, partition, "offset")
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (projection, topic, partition) DO UPDATE SET "offset" = EXCLUDED."offset"`,
            [projection.name, topic, partition, high],
          );
  });
}

/**
 * The same for the notifier, whose consumer group keeps its offsets in Kafka: a new group would
 * start at the first record written since this log began (see log-start.ts), which on a shared
 * broker is every test's and earlier run's traffic of the last minutes or more, and its first
 * messages of the run would wait for it.
 */
export async function notifierStartsAtTopicEnd(
  databaseUrl: string,
  brokers: string[],
): Promise<void> {
  await withAdminAndDatabase(databaseUrl, brokers, async (admin, db) => {
    const groupId = notifierGroupId(await eventLogId(db));
    for (const topic of BUSINESS_TOPICS) {
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
      await admin.setOffsets({ groupId, topic, partitions });
    }
  });
}

async function withAdminAndDatabase(
  databaseUrl: string,
  brokers: string[],
  work: (admin: Admin, db: Client) => Promise<void>,
): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-offsets', brokers, logLevel: logLevel.ERROR }).admin();
  const db = new Client({ connectionString: databaseUrl });
  await Promise.all([admin.connect(), db.connect()]);
  try {
    await work(admin, db);
  } finally {
    await Promise.all([admin.disconnect(), db.end()]);
  }
}
