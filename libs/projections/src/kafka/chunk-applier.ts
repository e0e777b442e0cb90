import type { Batch, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { EventApplier, type ApplyOutcome } from '../apply/event-applier';
import type { Projection } from '../projection';
import { CheckpointMoved, saveCheckpoint, verifyCheckpoint } from '../store/checkpoints';
import type { Db, DbClient } from '../store/database';
import { parkRecord } from '../store/dead-letters';
import { liveTableSet } from '../table-set';
import type { ConsumerOptions } from './consumer-options';
import { readRecords, type ReadRecords } from './record-reader';

const KAFKA_HINT_EVERY_MS = 1_000;

/**
 * Applies a partition's records chunk by chunk, each in one PostgreSQL transaction that first
 * checks the checkpoint the chunk builds on (locked, so two consumers of one partition queue),
 * then applies the events, parks the unreadable records of our own log and moves the
 * checkpoint. Kafka's consumer keeps its place in memory and PostgreSQL may have lost the last
 * commits (they do not wait for the disk): the check is what makes those commits happen again.
 */
export class ChunkApplier {
  private readonly applier: EventApplier;
  private readonly hintedAt = new Map<string, number>();
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

  /** False when PostgreSQL's checkpoint was elsewhere: nothing was applied. */
  async apply(
    batch: Batch,
    messages: readonly KafkaMessage[],
    payload: EachBatchPayload,
    caughtUp: boolean,
  ): Promise<boolean> {
    const first = messages[0];
    const last = messages.at(-1);
    if (!first || !last) return true;
    const { topic, partition } = batch;
    const read = readRecords(topic, partition, messages, this.options.log);
    const chunk = { topic, partition, offset: first.offset };
    const next = (BigInt(last.offset) + 1n).toString();
    let outcome: ApplyOutcome;
    try {
      outcome = await this.applier.applyInTransaction(this.db, read.events, {
        heartbeat: payload.heartbeat,
        start: (client) => verifyCheckpoint(client, this.projection.name, chunk),
        finish: (client) => this.finish(client, read, { topic, partition, offset: next }),
      });
    } catch (error) {
      if (!(error instanceof CheckpointMoved)) throw error;
      this.options.logger.warn(
        `projection ${this.projection.name}: ${error.message}; nothing applied`,
      );
      return false;
    }
    this.options.hooks?.afterCommit?.(++this.commits);
    payload.resolveOffset(last.offset);
    const parked = outcome.parked + read.unreadable.length;
    if (parked > 0)
      this.options.logger.warn(
        `projection ${this.projection.name}: parked ${parked} record(s) from ${topic}/${partition}`,
      );
    this.options.onCommitted?.(outcome);
    await this.hintKafka(payload, topic, partition, next, caughtUp);
    await payload.heartbeat();
    return true;
  }

  private async finish(
    client: DbClient,
    read: ReadRecords,
    next: { topic: string; partition: number; offset: string },
  ): Promise<void> {
    const projection = this.projection.name;
    for (const { record, error } of read.unreadable)
      await parkRecord(client, { projection, tableSet: projection, record, error, attempts: 0 });
    const lastEvent = read.events.at(-1);
    await saveCheckpoint(client, projection, {
      ...next,
      lastPosition: lastEvent?.globalPosition ?? null,
      lastOccurredAt: lastEvent?.occurredAt ?? null,
    });
  }

  /**
   * The Kafka offset is only a hint (each assignment seeks to the PostgreSQL checkpoint), so
   * under load it is committed at most once a second per partition rather than after every
   * chunk: a broker round trip per chunk is time every later event waits. A partition that has
   * caught up (a short chunk) commits at once, so group lag tools show it at the end.
   */
  private async hintKafka(
    payload: EachBatchPayload,
    topic: string,
    partition: number,
    offset: string,
    caughtUp: boolean,
  ): Promise<void> {
    const key = `${topic}/${partition}`;
    const now = Date.now();
    if (!caughtUp && now - (this.hintedAt.get(key) ?? 0) < KAFKA_HINT_EVERY_MS) return;
    this.hintedAt.set(key, now);
    await payload
      .commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] })
      .catch((error: unknown) =>
        this.options.logger.warn(
          `projection ${this.projection.name}: Kafka offset commit failed (${String(error)})`,
        ),
      );
  }
}
