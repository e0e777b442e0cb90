import type { Kafka } from 'kafkajs';
import { loadCheckpoints } from '../store/checkpoints';
import type { Db } from '../store/database';

/** Partitions per topic, as a consumer group hands them out. */
export type Assignment = Readonly<Record<string, readonly number[]>>;

export const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/**
 * Where each assigned partition resumes: the offset recorded in PostgreSQL with the read model,
 * or the start of the retained log where PostgreSQL has no record — then nothing was applied
 * there, whatever offset Kafka kept for the group.
 */
export async function resumeOffsets(
  db: Db,
  kafka: Kafka,
  projection: string,
  assignment: Assignment,
): Promise<Map<string, string>> {
  const stored = new Map(
    (await loadCheckpoints(db, projection)).map((c) => [
      partitionKey(c.topic, c.partition),
      c.offset,
    ]),
  );
  const resume = new Map<string, string>();
  const unrecorded: string[] = [];
  for (const [topic, partitions] of Object.entries(assignment)) {
    for (const partition of partitions) {
      const offset = stored.get(partitionKey(topic, partition));
      if (offset === undefined) unrecorded.push(topic);
      else resume.set(partitionKey(topic, partition), offset);
    }
  }
  if (unrecorded.length === 0) return resume;
  const admin = kafka.admin();
  try {
    await admin.connect();
    for (const topic of new Set(unrecorded)) {
      for (const { partition, low } of await admin.fetchTopicOffsets(topic)) {
        const key = partitionKey(topic, partition);
        if (assignment[topic]?.includes(partition) && !resume.has(key)) resume.set(key, low);
      }
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return resume;
}
