import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';

/** Records reach Kafka after their events commit; a minute covers any clock between them. */
const MARGIN_MS = 60_000;

/**
 * When this database's log began: the time of its first event, or now for a log still empty.
 * Read by position, which the log's primary key orders, so it costs one index probe.
 */
async function logStart(db: Pool): Promise<number> {
  const { rows } = await db.query<{ occurred_at: Date }>(
    'SELECT occurred_at FROM events ORDER BY global_position LIMIT 1',
  );
  return (rows[0]?.occurred_at.getTime() ?? Date.now()) - MARGIN_MS;
}

/**
 * A new consumer group would read every topic from its first record, through all the traffic
 * of the other databases sharing the broker (hundreds of thousands of records before the first
 * of ours). Partitions the group holds no offset for start instead at the first record written
 * since this log began: nothing of this log is older. Best effort: if the group is already
 * active elsewhere, its members' offsets stand.
 */
export async function startNewGroupAtLogStart(
  kafka: Kafka,
  db: Pool,
  groupId: string,
  topics: readonly string[],
): Promise<number> {
  const since = await logStart(db);
  const admin = kafka.admin();
  await admin.connect();
  let moved = 0;
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      const unset = new Set(partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
      if (unset.size === 0) continue;
      const start = await admin.fetchTopicOffsetsByTimestamp(topic, since);
      const offsets = start.filter((p) => unset.has(p.partition));
      await admin.setOffsets({ groupId, topic, partitions: offsets });
      moved += offsets.length;
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return moved;
}
