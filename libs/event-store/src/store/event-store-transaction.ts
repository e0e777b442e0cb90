import type { QueryResultRow } from 'pg';
import type { EventMetadata, NewEvent, StoredEvent } from '../stored-event';
import { Aggregate, AggregateOptions, Evolve, fold, loadAggregate } from './aggregate';
import { AppendOptions, AppendResult, appendEvents } from './append-events';
import { SecondStreamInTransaction } from './event-store.errors';
import type { Queryable } from './queryable';
import { readStreamEvents } from './read-events';
import { crossesSnapshot, writeSnapshot } from './snapshots';
import type { UpcasterRegistry } from './upcaster-registry';

/** A stream loaded inside a transaction, ready to take the events a decision produced. */
export interface LoadedStream<S> extends Aggregate<S> {
  /** Appends at the loaded version; keeps a snapshot when the new version crosses the policy's step. */
  append(
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options?: AppendOptions,
  ): Promise<AppendResult & { readonly state: S }>;
}

/**
 * The one transaction of a command: load → decide → append → store the answer, all or nothing.
 *
 * A transaction appends to one stream only, which keeps each stream's order equal to
 * transaction-id order, the order the relay publishes in. Only the first append checks its
 * stream before the transaction has an id; a second stream appended later could build on a
 * version committed by a transaction that received its id after ours, and would then be
 * published before the version it follows.
 */
export class EventStoreTransaction {
  private appended?: { streamId: string; transactionId: string };

  constructor(
    private readonly db: Queryable,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (this.appended && this.appended.streamId !== streamId)
      throw new SecondStreamInTransaction(this.appended.streamId, streamId);
    const result = await appendEvents(this.db, streamId, expectedVersion, events, metadata, {
      ...options,
      ownTransactionId: this.appended?.transactionId,
    });
    const first = result.events[0];
    if (first && !this.appended)
      this.appended = { streamId, transactionId: first.transactionId.toString() };
    return result;
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const events = await readStreamEvents(this.db, streamId, fromVersion);
    return events.map((e) => this.upcasters.upcast(e));
  }

  async aggregateStream<S>(
    streamId: string,
    evolve: Evolve<S>,
    initial: S,
    options: AggregateOptions = {},
  ): Promise<LoadedStream<S>> {
    const loaded = await loadAggregate(this.db, this.upcasters, streamId, evolve, initial, options);
    return {
      ...loaded,
      append: async (events, metadata, appendOptions) => {
        const result = await this.append(streamId, loaded.version, events, metadata, appendOptions);
        const after = fold(
          loaded,
          result.events.map((e) => this.upcasters.upcast(e)),
          evolve,
        );
        const policy = options.snapshot;
        if (policy && crossesSnapshot(policy, loaded.version, after.version))
          await writeSnapshot(this.db, streamId, policy, after);
        return { ...result, state: after.state };
      },
    };
  }

  /** For writes that belong with the events (read models kept in step); only after the append. */
  async query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.db.query<R>(sql, params)).rows;
  }
}
