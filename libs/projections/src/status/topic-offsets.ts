import type { Admin } from 'kafkajs';

export interface PartitionOffsets {
  readonly partition: number;
  readonly low: string;
  readonly high: string;
}

/** Asks Kafka once per topic even when several projections read it. */
export async function fetchOffsets(
  admin: Admin,
  topics: readonly string[],
): Promise<Map<string, PartitionOffsets[]>> {
  const unique = [...new Set(topics)];
  const answers = await Promise.all(unique.map((topic) => admin.fetchTopicOffsets(topic)));
  return new Map(
    unique.map((topic, i) => [
      topic,
      (answers[i] ?? []).map(({ partition, low, high }) => ({ partition, low, high })),
    ]),
  );
}
