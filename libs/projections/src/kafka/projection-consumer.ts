import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { ApplyHooks } from '../apply/apply-hooks';
import { EventApplier, type ApplyOutcome } from '../apply/event-applier';
import type { RetryPolicy } from '../apply/retry-policy';
import type { Projection } from '../projection';
import { saveCheckpoint } from '../store/checkpoints';
import { parkRecord } from '../store/dead-letters';
import type { Db } from '../store/database';
import { liveTableSet } from '../table-set';
import { CheckpointAlignment, type SeekTarget } from './checkpoint-alignment';
import { groupIdOf } from './consumer-group';
import type { RunnerLogger } from './kafka-client';
import { readRecords } from './record-reader';
import { RestartBackoff } from './restart-backoff';
import { resumeOffsets } from './resume-offsets';

export const CONSUMER_CONCURRENCY = 3;
const KAFKA_HINT_EVERY_MS = 1_000;

export interface ConsumerOptions {
  readonly logger: RunnerLogger;
  /** Apply only records tagged with this event log (the database's name); see eventLogName. */
  readonly log?: string;
  readonly hooks?: ApplyHooks;
  readonly retry?: RetryPolicy;
  /** Events per PostgreSQL transaction: big enough to amortise the commit, small enough to retry. */
  readonly chunkSize?: number;
  readonly sessionTimeoutMs?: number;
  /**
   * Partitions applied at once, each in its own transaction and connection. Partitions hold
   * disjoint streams, so they never contend, and a round trip to PostgreSQL — not CPU — is
   * what bounds one partition's pace.
   */
  readonly concurrency?: number;
  /** Called after each committed chunk, e.g. to measure throughput. */
  readonly onCommitted?: (outcome: ApplyOutcome) => void;
  readonly onJoined?: (partitions: number) => void;
}

/**
 * Feeds one projection from Kafka. PostgreSQL holds the truth about how far it got: each chunk's
 * events, stream positions and partition offset commit in one transaction, the Kafka offset is
 * committed only afterwards, and after every (re)assignment the partition is moved to the offset
 * PostgreSQL recorded. A crash anywhere therefore replays at most the uncommitted chunk, and
 * stream positions make that replay harmless.
 */
export class ProjectionConsumer {
  private consumer: Consumer | undefined;
  private stopped = true;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly backoff = new RestartBackoff();
  private readonly applier: EventApplier;
  private commits = 0;
  private readonly hintedAt = new Map<string, number>();

  constructor(
    private readonly projection: Projection,
    private readonly kafka: Kafka,
    private readonly db: Db,
    private readonly options: ConsumerOptions,
  ) {
    if (projection.topics.length === 0)
      throw new Error(`projection ${projection.name} reads no topic`);
    this.applier = new EventApplier(projection, liveTableSet(projection), {
      policy: options.retry,
      hooks: options.hooks,
    });
  }

  /** Returns once the first start was attempted; failures keep retrying in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.startOnce().catch((error: unknown) => this.restartLater(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
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
    });
    this.consumer = consumer;
    const alignment = new CheckpointAlignment(
      (assignment) => resumeOffsets(this.db, this.kafka, this.projection.name, assignment),
      (target) => this.seekTo(consumer, target),
    );
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
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
      eachBatch: (payload) => this.onBatch(alignment, payload),
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
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await old?.disconnect().catch(() => undefined);
        if (this.stopped) return;
        await this.startOnce().catch((again: unknown) => this.restartLater(again));
      })();
    }, delay);
  }

  private async onBatch(alignment: CheckpointAlignment, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (!(await alignment.admits(batch.topic, batch.partition, batch.firstOffset()))) return;
    const size = this.options.chunkSize ?? 1_000;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(i, i + size);
      // A short chunk is the batch's end and not a full one: nothing more was waiting.
      await this.applyChunk(batch, chunk, payload, chunk.length < size);
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

  private async applyChunk(
    batch: Batch,
    messages: KafkaMessage[],
    payload: EachBatchPayload,
    caughtUp: boolean,
  ): Promise<void> {
    const { topic, partition } = batch;
    const { events, unreadable } = readRecords(topic, partition, messages, this.options.log);
    const lastMessage = messages.at(-1);
    if (!lastMessage) return;
    const next = (BigInt(lastMessage.offset) + 1n).toString();
    const lastEvent = events[events.length - 1];
    const projection = this.projection.name;
    const outcome = await this.applier.applyInTransaction(this.db, events, {
      heartbeat: payload.heartbeat,
      finish: async (client) => {
        for (const { record, error } of unreadable)
          await parkRecord(client, {
            projection,
            tableSet: projection,
            record,
            error,
            attempts: 0,
          });
        await saveCheckpoint(client, projection, {
          topic,
          partition,
          offset: next,
          lastPosition: lastEvent?.globalPosition ?? null,
          lastOccurredAt: lastEvent?.occurredAt ?? null,
        });
      },
    });
    this.options.hooks?.afterCommit?.(++this.commits);
    payload.resolveOffset(lastMessage.offset);
    const parked = outcome.parked + unreadable.length;
    if (parked > 0)
      this.options.logger.warn(
        `projection ${this.projection.name}: parked ${parked} record(s) from ${topic}/${partition}`,
      );
    this.options.onCommitted?.(outcome);
    await this.hintKafka(payload, topic, partition, next, caughtUp);
    await payload.heartbeat();
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
