import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Projection } from '../projection';
import { loadCheckpoints } from '../store/checkpoints';
import type { Db } from '../store/database';
import { CheckpointAlignment, type SeekTarget } from './checkpoint-alignment';
import { ChunkApplier } from './chunk-applier';
import { ChunkGathering } from './chunk-gathering';
import { groupIdOf } from './consumer-group';
import type { ConsumerOptions } from './consumer-options';
import { rebuildAfterGap } from './gap-recovery';
import type { LogGap } from './log-gaps';
import { LostCommitWatch } from './lost-commit-watch';
import { RestartBackoff } from './restart-backoff';
import { resumeOffsets } from './resume-offsets';

export type { ConsumerOptions } from './consumer-options';

/** More than any projection's partitions (three topics of six): a fetch is applied whole. */
export const CONSUMER_CONCURRENCY = 32;

const FETCH_BYTES = 1024 * 1024;
const FETCH_BYTES_PER_PARTITION = 256 * 1024;

/**
 * Feeds one projection from Kafka. PostgreSQL holds the truth about how far it got: each chunk's
 * events, stream positions and partition offset commit in one transaction that first checks the
 * offset it builds on, the Kafka offset is committed only afterwards, and after every
 * (re)assignment the partition is moved to the offset PostgreSQL recorded. A crash anywhere,
 * PostgreSQL's included, therefore replays at most what PostgreSQL does not hold, and stream
 * positions make that replay harmless. Where Kafka no longer holds the records after the
 * checkpoint, the projection is rebuilt from the event store instead (see gap-recovery.ts).
 */
export class ProjectionConsumer {
  private consumer: Consumer | undefined;
  private stopped = true;
  private recovering = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly backoff = new RestartBackoff();
  private readonly applier: ChunkApplier;
  private readonly chunks: ChunkGathering;
  private watch: LostCommitWatch | undefined;

  constructor(
    private readonly projection: Projection,
    private readonly kafka: Kafka,
    private readonly db: Db,
    private readonly options: ConsumerOptions,
  ) {
    if (projection.topics.length === 0)
      throw new Error(`projection ${projection.name} reads no topic`);
    this.applier = new ChunkApplier(projection, db, options);
    this.chunks = new ChunkGathering((parts) => this.applier.apply(parts));
  }

  /** Returns once the first start was attempted; failures keep retrying in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.startOnce().catch((error: unknown) => this.restartLater(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.forgetCommits();
    const consumer = this.consumer;
    this.consumer = undefined;
    // Waits for the batch in hand, so shutdown never cuts a chunk between apply and commit.
    await consumer?.disconnect().catch(() => undefined);
  }

  private async startOnce(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: groupIdOf(this.projection.name, this.options.log),
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1_000,
      retry: { retries: 5 },
      // A fetch is held whole in memory, decoded, by each of an app's consumers: kafkajs's
      // 10 MB per fetch made a supervisor catching up hold hundreds of megabytes. A megabyte
      // is still a thousand events or so per fetch, applied in one transaction.
      maxBytes: FETCH_BYTES,
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
    });
    this.consumer = consumer;
    const alignment = new CheckpointAlignment(
      (assignment) => resumeOffsets(this.db, this.kafka, this.projection.name, assignment),
      { seek: (target) => this.seekTo(consumer, target), gap: (gap) => this.recoverFromGap(gap) },
    );
    this.watch?.forget();
    const watch = new LostCommitWatch(
      () => loadCheckpoints(this.db, this.projection.name),
      (topic, partition, committed) => alignment.realign(topic, partition, committed),
    );
    this.watch = watch;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      watch.forget();
      alignment.assigned(payload.memberAssignment);
      this.backoff.reset();
      const assigned = Object.values(payload.memberAssignment).flat().length;
      this.options.onJoined?.(assigned);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable errors; anything else is ours to restart.
      if (!payload.restart) this.restartLater(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.projection.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? CONSUMER_CONCURRENCY,
      eachBatch: (payload) => this.onBatch(alignment, watch, payload),
    });
  }

  private restartLater(error: unknown): void {
    if (this.stopped) return;
    const delay = this.backoff.next();
    this.options.logger.error(
      `projection ${this.projection.name}: consumer stopped (${String(error)}); restarting in ${delay} ms`,
    );
    const old = this.consumer;
    this.consumer = undefined;
    this.forgetCommits();
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await old?.disconnect().catch(() => undefined);
        if (this.stopped) return;
        await this.startOnce().catch((again: unknown) => this.restartLater(again));
      })();
    }, delay);
  }

  /** Hints and watched commits belong to the consumer that is leaving; its successor seeks. */
  private forgetCommits(): void {
    this.applier.dropHints();
    this.watch?.forget();
  }

  private async onBatch(
    alignment: CheckpointAlignment,
    watch: LostCommitWatch,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch } = payload;
    if (this.recovering) return;
    if (!(await alignment.admits(batch.topic, batch.partition, batch.firstOffset()))) return;
    const size = this.options.chunkSize ?? 1_000;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!payload.isRunning() || payload.isStale() || this.recovering) return;
      const messages = batch.messages.slice(i, i + size);
      const caughtUp = messages.length < size;
      if (!(await this.chunks.apply({ batch, messages, payload, caughtUp }))) {
        // The rest of the batch builds on the chunk that was not applied: dropped with it.
        alignment.realign(batch.topic, batch.partition, messages[0]?.offset ?? '');
        return;
      }
      const last = messages.at(-1);
      if (last) watch.committedUpTo(batch.topic, batch.partition, String(BigInt(last.offset) + 1n));
    }
  }

  private seekTo(consumer: Consumer, target: SeekTarget): void {
    if (target.offered !== undefined)
      this.options.logger.log(
        `projection ${this.projection.name}: ${target.topic}/${target.partition} resumes at offset ${target.offset} from PostgreSQL (Kafka offered ${target.offered})`,
      );
    try {
      consumer.seek({ topic: target.topic, partition: target.partition, offset: target.offset });
    } catch (error) {
      // A consumer that is stopping has nothing left to seek; its successor aligns afresh.
      this.options.logger.warn(
        `projection ${this.projection.name}: seek failed (${String(error)})`,
      );
    }
  }

  /**
   * Kafka no longer holds what comes after a checkpoint. Nothing more is applied: the consumer
   * leaves its group, the read model is rebuilt from the event store, and it joins again.
   */
  private recoverFromGap(gap: LogGap): void {
    if (this.recovering || this.stopped) return;
    this.recovering = true;
    this.forgetCommits();
    const consumer = this.consumer;
    this.consumer = undefined;
    this.options.logger.error(
      `projection ${this.projection.name}: Kafka no longer holds what ${gap.topic}/${gap.partition} needs next`,
    );
    void (async () => {
      // Not awaited by the batch that found the gap: disconnecting waits for that batch.
      await consumer?.disconnect().catch(() => undefined);
      try {
        await rebuildAfterGap(this.db, this.kafka, this.projection, this.options.logger);
      } catch (error) {
        this.recovering = false;
        this.restartLater(error);
        return;
      }
      this.recovering = false;
      if (this.stopped) return;
      await this.startOnce().catch((error: unknown) => this.restartLater(error));
    })();
  }
}
