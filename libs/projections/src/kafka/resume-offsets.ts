import type { Kafka } from 'kafkajs';
import { loadCheckpoints, recordStart } from '../store/checkpoints';
import type { Db } from '../store/database';
import { gapOf, type LogGap } from './log-gaps';

/** Partitions per topic, as a consumer group hands them out. */
export type Assignment = Readonly<Record<string, readonly number[]>>;

export const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/** Where a partition resumes, or why it cannot: Kafka no longer holds what comes next. */
export type PartitionStart = { readonly offset: string } | { readonly gap: LogGap };

/**
 * Where each assigned partition resumes: the offset recorded in PostgreSQL with the read model,
 * checked against what Kafka still holds. A partition without a record starts at the log's
 * start (then nothing was applied there, whatever offset Kafka kept for the group), and the
 * start is recorded at once, so every chunk after it has a checkpoint to build on.
 */
export async function resumeOffsets(
  db: Db,
  kafka: Kafka,
  projection: string,
  assignment: Assignment,
): Promise<Map<string, PartitionStart>> {
  // Checkpoints first: a high watermark read after them is never below one of them by accident.
  const stored = new Map(
    (await loadCheckpoints(db, projection)).map((c) => [
      partitionKey(c.topic, c.partition),
      c.offset,
    ]),
  );
  const starts = new Map<string, PartitionStart>();
  const admin = kafka.admin();
  try {
    await admin.connect();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const marks of await admin.fetchTopicOffsets(topic)) {
        if (!partitions.includes(marks.partition)) continue;
        const key = partitionKey(topic, marks.partition);
        const checkpoint = stored.get(key);
        const gap = gapOf(topic, marks, checkpoint);
        const place = { topic, partition: marks.partition, offset: marks.low };
        if (gap) starts.set(key, { gap });
        else starts.set(key, { offset: checkpoint ?? (await recordStart(db, projection, place)) });
      }
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return starts;
}
