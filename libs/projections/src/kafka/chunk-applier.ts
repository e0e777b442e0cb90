import type { Batch, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { EventApplier } from '../apply/event-applier';
import type { Projection } from '../projection';
import {
  CheckpointMoved,
  saveCheckpoints,
  verifyCheckpoints,
  type PartitionPlace,
} from '../store/checkpoints';
import type { Db, DbClient } from '../store/database';
import { parkRecord } from '../store/dead-letters';
import type { PositionsToMove } from '../store/stream-positions';
import { liveTableSet } from '../table-set';
import type { ConsumerOptions } from './consumer-options';
import { readRecords, type ReadRecords } from './record-reader';

const KAFKA_HINT_EVERY_MS = 1_000;

/** One partition's records, as one call of kafkajs's eachBatch hands them over. */
export interface ChunkPart {
  readonly batch: Batch;
  readonly messages: readonly KafkaMessage[];
  readonly payload: EachBatchPayload;
  /** A short chunk is the batch's end: nothing more of the partition was waiting. */
  readonly caughtUp: boolean;
}

interface ReadPart {
  readonly part: ChunkPart;
  readonly read: ReadRecords;
  readonly place: PartitionPlace;
  readonly next: string;
}

/**
 * Applies chunks of a projection's partitions, those that came together in one transaction
 * that first checks the checkpoints they build on (locked, so two consumers of one partition
 * queue), then applies the events, parks the unreadable records of our own log and moves the
 * checkpoints. Kafka's consumer keeps its place in memory and PostgreSQL may have lost the last
 * commits (they do not wait for the disk): the check is what makes those commits happen again.
 * Each partition holds streams of its own, so applying several at once keeps every stream's
 * order; it saves a transaction's round trips per partition, which is most of the cost of a
 * chunk of one or two events.
 */
export class ChunkApplier {
  private readonly applier: EventApplier;
  /** Next offset by partition by topic, applied since the last hint. */
  private readonly unhinted = new Map<string, Map<number, string>>();
  private hintWith: EachBatchPayload | undefined;
  private hintTimer: NodeJS.Timeout | undefined;
  private hintedAt = 0;
  private commits = 0;

  constructor(
    private readonly projection: Projection,
    private readonly db: Db,
    private readonly options: ConsumerOptions,
  ) {
    this.applier = new EventApplier(projection, liveTableSet(projection), {
      policy: options.retry,
      hooks: options.hooks,
    });
  }

  /** Per part, false when PostgreSQL's checkpoint was elsewhere: nothing of it was applied. */
  async apply(parts: readonly ChunkPart[]): Promise<boolean[]> {
    const read = parts.flatMap((part) => readPart(part, this.options.log));
    if (read.length === 0) return parts.map(() => true);
    try {
      await this.applyTogether(read);
      return parts.map(() => true);
    } catch (error) {
      if (!(error instanceof CheckpointMoved)) throw error;
      // Which one moved decides which parts are dropped: each is tried again on its own.
      if (read.length > 1) return this.applyEach(parts);
      this.options.logger.warn(
        `projection ${this.projection.name}: ${error.message}; nothing applied`,
      );
      return parts.map((part) => part !== read[0]?.part);
    }
  }

  private async applyEach(parts: readonly ChunkPart[]): Promise<boolean[]> {
    const applied: boolean[] = [];
    for (const part of parts) applied.push(...(await this.apply([part])));
    return applied;
  }

  private async applyTogether(parts: readonly ReadPart[]): Promise<void> {
    const [first] = parts;
    if (!first) return;
    // kafkajs's heartbeat and offset commits are the consumer's: any part's payload will do.
    const { payload } = first.part;
    const projection = this.projection.name;
    const outcome = await this.applier.applyInTransaction(
      this.db,
      parts.flatMap((p) => p.read.events),
      {
        heartbeat: payload.heartbeat,
        start: (client) =>
          verifyCheckpoints(
            client,
            projection,
            parts.map((p) => p.place),
          ),
        finish: (client, positions) => this.finish(client, parts, positions),
      },
    );
    this.options.hooks?.afterCommit?.(++this.commits);
    for (const { part, place, read } of parts) {
      const last = part.messages.at(-1);
      if (last) part.payload.resolveOffset(last.offset);
      const parked = read.unreadable.length;
      if (parked > 0)
        this.options.logger.warn(
          `projection ${projection}: parked ${parked} unreadable record(s) from ${place.topic}/${place.partition}`,
        );
    }
    this.hintKafka(payload, parts);
    if (outcome.parked > 0)
      this.options.logger.warn(`projection ${projection}: parked ${outcome.parked} event(s)`);
    this.options.onCommitted?.(outcome);
    await payload.heartbeat();
  }

  private async finish(
    client: DbClient,
    parts: readonly ReadPart[],
    positions: PositionsToMove,
  ): Promise<void> {
    const projection = this.projection.name;
    for (const { read } of parts)
      for (const { record, error } of read.unreadable)
        await parkRecord(client, { projection, tableSet: projection, record, error, attempts: 0 });
    await saveCheckpoints(
      client,
      projection,
      parts.map(({ read, place, next }) => {
        const lastEvent = read.events.at(-1);
        return {
          topic: place.topic,
          partition: place.partition,
          offset: next,
          lastPosition: lastEvent?.globalPosition ?? null,
          lastOccurredAt: lastEvent?.occurredAt ?? null,
        };
      }),
      positions,
    );
  }

  /**
   * The Kafka offset is only a hint (each assignment seeks to the PostgreSQL checkpoint), so it
   * is committed at most once a second per consumer, for every partition applied since: a
   * broker round trip per chunk is time every later event waits. What is left when applying
   * stops is committed a second later, so group lag tools show the end.
   */
  private hintKafka(payload: EachBatchPayload, parts: readonly ReadPart[]): void {
    for (const { place, next } of parts) {
      const partitions = this.unhinted.get(place.topic) ?? new Map<number, string>();
      this.unhinted.set(place.topic, partitions.set(place.partition, next));
    }
    this.hintWith = payload;
    if (this.hintTimer) return;
    const wait = Math.max(0, this.hintedAt + KAFKA_HINT_EVERY_MS - Date.now());
    this.hintTimer = setTimeout(() => void this.commitHints(), wait);
    this.hintTimer.unref();
  }

  /** The consumer the hints would go through is leaving: its successor seeks anyway. */
  dropHints(): void {
    clearTimeout(this.hintTimer);
    this.hintTimer = undefined;
    this.hintWith = undefined;
    this.unhinted.clear();
  }

  private async commitHints(): Promise<void> {
    this.hintTimer = undefined;
    const topics = [...this.unhinted].map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].map(([partition, offset]) => ({ partition, offset })),
    }));
    this.unhinted.clear();
    this.hintedAt = Date.now();
    await this.hintWith
      ?.commitOffsetsIfNecessary({ topics })
      .catch((error: unknown) =>
        this.options.logger.warn(
          `projection ${this.projection.name}: Kafka offset commit failed (${String(error)})`,
        ),
      );
  }
}

function readPart(part: ChunkPart, log: string | undefined): ReadPart[] {
  const first = part.messages[0];
  const last = part.messages.at(-1);
  if (!first || !last) return [];
  const { topic, partition } = part.batch;
  return [
    {
      part,
      read: readRecords(topic, partition, part.messages, log),
      place: { topic, partition, offset: first.offset },
      next: (BigInt(last.offset) + 1n).toString(),
    },
  ];
}
