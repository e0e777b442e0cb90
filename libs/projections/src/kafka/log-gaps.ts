/**
 * A partition whose checkpoint points where Kafka holds nothing: below the first offset it
 * still keeps (retention, deleted records), past its end (the broker was wiped and the topic
 * made anew), or no checkpoint at all on a log that no longer starts at 0. Reading on would
 * make kafkajs jump to the earliest record and apply what follows with a hole before it; the
 * records in the hole exist only in the event store, so the projection is rebuilt from there.
 */
export interface LogGap {
  readonly topic: string;
  readonly partition: number;
  /** The checkpoint in PostgreSQL; null when there is none. */
  readonly checkpoint: string | null;
  /** Kafka's low watermark: the first offset it still holds. */
  readonly low: string;
  /** Kafka's high watermark: the offset the next record will get. */
  readonly high: string;
}

export interface Watermarks {
  readonly partition: number;
  readonly low: string;
  readonly high: string;
}

export function gapOf(
  topic: string,
  marks: Watermarks,
  checkpoint: string | null | undefined,
): LogGap | undefined {
  const low = BigInt(marks.low);
  const outside =
    checkpoint === null || checkpoint === undefined
      ? low > 0n
      : BigInt(checkpoint) < low || BigInt(checkpoint) > BigInt(marks.high);
  if (!outside) return undefined;
  return { topic, partition: marks.partition, checkpoint: checkpoint ?? null, ...pick(marks) };
}

const pick = ({ low, high }: Watermarks) => ({ low, high });

export function describeGap(gap: LogGap): string {
  const where = `${gap.topic}/${gap.partition}`;
  if (gap.checkpoint === null)
    return `${where} has no checkpoint and Kafka no longer holds the log's start (it begins at offset ${gap.low})`;
  if (BigInt(gap.checkpoint) > BigInt(gap.high))
    return `${where} has its checkpoint at offset ${gap.checkpoint}, past the log's end at ${gap.high}: the topic was emptied or made anew`;
  return `${where} has its checkpoint at offset ${gap.checkpoint}, but Kafka keeps only offsets ${gap.low} to ${gap.high}: records ${gap.checkpoint} to ${BigInt(gap.low) - 1n} are gone`;
}

/** Every partition of these topics whose checkpoint lies outside what Kafka holds. */
export function gapsOf(
  topics: readonly string[],
  offsets: ReadonlyMap<string, readonly Watermarks[]>,
  checkpoints: readonly { topic: string; partition: number; offset: string }[],
): LogGap[] {
  return topics.flatMap((topic) =>
    (offsets.get(topic) ?? []).flatMap((marks) => {
      const checkpoint = checkpoints.find(
        (c) => c.topic === topic && c.partition === marks.partition,
      );
      return gapOf(topic, marks, checkpoint?.offset) ?? [];
    }),
  );
}
