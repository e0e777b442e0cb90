import type { Pool, PoolClient } from 'pg';
import { DEFAULT_KEY_TTL_HOURS } from '../idempotency/key-lifetime';
import type { EventMetadata, NewEvent, StoredEvent } from '../stored-event';
import { Aggregate, AggregateOptions, Evolve, loadAggregate } from './aggregate';
import {
  prepareAppend,
  writesSomething,
  type AppendOptions,
  type AppendResult,
} from './append-events';
import { AppendQueue, type AppendQueueOptions } from './append-queue';
import type { CommandAnswer, IdempotencyKey, IdempotentOutcome } from './command-answer';
import { IdempotencyKeyTaken } from './event-store.errors';
import { EventStoreTransaction } from './event-store-transaction';
import {
  deleteExpiredKeys,
  findAnswer,
  findAnswers,
  forgetExpiredKeys,
  lockIdempotencyKey,
  saveAnswer,
  type KeptAnswer,
} from './idempotency-keys';
import type { LogPosition } from './log-position';
import {
  committedHead,
  findFirstEvent,
  readCommittedAfter,
  readStreamEvents,
  readStreamsEvents,
  streamHead,
} from './read-events';
import { UpcasterRegistry } from './upcaster-registry';

export interface IdempotentAppendOptions extends AppendOptions {
  readonly idempotency: IdempotencyKey;
  /** The answer to keep for repeats of this request. */
  readonly response: CommandAnswer;
}

export interface EventStoreOptions {
  /** How long an answer stays kept for its Idempotency-Key; see idempotency/key-lifetime.ts. */
  readonly keyTtlHours?: number;
  /** How appends outside a transaction share statements; see AppendQueue. */
  readonly appends?: AppendQueueOptions;
}

export type IdempotentAppendResult =
  | (AppendResult & { readonly replayed: false })
  | { readonly replayed: true; readonly answer: CommandAnswer };

/**
 * The event log. A plain class over a `pg.Pool`, so Nest modules, scripts and benchmarks use
 * the very same code; EventStoreModule provides one per process.
 */
export class EventStore {
  private readonly keyTtlSeconds: number;
  private readonly appends: AppendQueue;

  constructor(
    private readonly pool: Pool,
    readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
    options: EventStoreOptions = {},
  ) {
    this.keyTtlSeconds = (options.keyTtlHours ?? DEFAULT_KEY_TTL_HOURS) * 3600;
    this.appends = new AppendQueue(pool, options.appends);
  }

  /** Runs `work` in one READ COMMITTED transaction; it commits only if `work` resolves. */
  transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    return this.inTransaction((client) => work(new EventStoreTransaction(client, this.upcasters)));
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = await rollback(client, error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options: IdempotentAppendOptions,
  ): Promise<IdempotentAppendResult>;
  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options: AppendOptions | IdempotentAppendOptions = {},
  ): Promise<AppendResult | IdempotentAppendResult> {
    // The append is one statement, shared with the process's other appends of the moment, and
    // so its own transaction: one round trip, not three.
    if (!('idempotency' in options))
      return this.appendKeeping(streamId, expectedVersion, events, metadata, options);
    let appended: AppendResult | undefined;
    const outcome = await this.runIdempotent(options.idempotency, async (tx) => {
      appended = await tx.append(streamId, expectedVersion, events, metadata, options);
      return options.response;
    });
    return outcome.replayed || !appended
      ? { replayed: true, answer: outcome.answer }
      : { ...appended, replayed: false };
  }

  /**
   * An append whose answers met a kept key tries once more if that key had only expired: the
   * statement cannot tell a live key from an expired one, so the expired row is deleted first.
   */
  private async appendKeeping(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options: AppendOptions,
  ): Promise<AppendResult> {
    const prepared = prepareAppend({ streamId, expectedVersion, events, metadata, options });
    if (!writesSomething(prepared)) return { version: expectedVersion, events: [] };
    const append = () => this.appends.append(prepared);
    try {
      return await append();
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      const requests = (options.answers ?? []).map((answered) => answered.request);
      if ((await forgetExpiredKeys(this.pool, requests, this.keyTtlSeconds)) === 0) throw error;
      return append();
    }
  }

  /**
   * Runs a command once per idempotency key: a repeat of the same request gets the stored answer
   * and appends nothing; the key with a different request throws IdempotencyKeyReused. `work`
   * loads, decides and appends through `tx`; its answer is stored in the same transaction as
   * the events. A thrown error stores nothing, so a rejected command may be retried.
   */
  async runIdempotent<Body>(
    request: IdempotencyKey,
    work: (tx: EventStoreTransaction) => Promise<CommandAnswer<Body>>,
  ): Promise<IdempotentOutcome<Body>> {
    return this.inTransaction(async (client) => {
      await lockIdempotencyKey(client, request);
      const stored = await findAnswer(client, request, this.keyTtlSeconds);
      if (stored) return { answer: stored as CommandAnswer<Body>, replayed: true };
      const answer = await work(new EventStoreTransaction(client, this.upcasters));
      await saveAnswer(client, request, answer, this.keyTtlSeconds);
      return { answer, replayed: false };
    });
  }

  /** The live kept answer of this request, if any; the key with another request is refused. */
  keptAnswer<Body>(request: IdempotencyKey): Promise<CommandAnswer<Body> | undefined> {
    return findAnswer(this.pool, request, this.keyTtlSeconds) as Promise<
      CommandAnswer<Body> | undefined
    >;
  }

  /** Live kept answers of these requests, by keyIdOf; see AppendOptions.answers. */
  keptAnswers(requests: readonly IdempotencyKey[]): Promise<Map<string, KeptAnswer>> {
    return findAnswers(this.pool, requests, this.keyTtlSeconds);
  }

  /** Deletes expired answers, `batch` rows per statement so no statement holds many locks. */
  async deleteExpiredKeys(batch = 5_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const count = await deleteExpiredKeys(this.pool, this.keyTtlSeconds, batch);
      deleted += count;
      if (count < batch) return deleted;
    }
  }

  /** The stream's events from `fromVersion` on, each lifted to its type's latest schema. */
  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const events = await readStreamEvents(this.pool, streamId, fromVersion);
    return events.map((e) => this.upcasters.upcast(e));
  }

  /** readStream of several streams in one round trip: each one's events from its version on. */
  async readStreams(
    fromVersions: ReadonlyMap<string, number>,
  ): Promise<Map<string, StoredEvent[]>> {
    const byStream = await readStreamsEvents(this.pool, fromVersions);
    const upcast = (events: StoredEvent[]) => events.map((e) => this.upcasters.upcast(e));
    return new Map([...byStream].map(([streamId, events]) => [streamId, upcast(events)]));
  }

  /** The first event of `type` whose data has `field` equal to `value`, upcast; null if none. */
  async findFirst(type: string, field: string, value: string): Promise<StoredEvent | null> {
    const event = await findFirstEvent(this.pool, type, field, value);
    return event && this.upcasters.upcast(event);
  }

  streamVersion(streamId: string): Promise<number> {
    return streamHead(this.pool, streamId);
  }

  aggregateStream<S>(
    streamId: string,
    evolve: Evolve<S>,
    initial: S,
    options: AggregateOptions = {},
  ): Promise<Aggregate<S>> {
    return loadAggregate(this.pool, this.upcasters, streamId, evolve, initial, options);
  }

  /**
   * Committed events after `after`, in (transaction id, position) order, never past the oldest
   * running transaction (see read-events.ts). `upcast: false` gives them as stored.
   */
  async readAll(
    after: LogPosition,
    limit: number,
    options: { upcast?: boolean } = {},
  ): Promise<StoredEvent[]> {
    const events = await readCommittedAfter(this.pool, after, limit);
    return options.upcast === false ? events : events.map((e) => this.upcasters.upcast(e));
  }

  /** The last position readAll can reach now: where a reader that wants only new events starts. */
  committedHead(): Promise<LogPosition> {
    return committedHead(this.pool);
  }
}

/** Returns the error to destroy the client with when the connection itself is unusable. */
async function rollback(client: PoolClient, cause: unknown): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}
