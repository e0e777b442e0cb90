import {
  CommandAnswer,
  ConcurrencyConflict,
  EventMetadata,
  EventStore,
  IdempotencyKey,
  NewEvent,
  StoredEvent,
} from '@circle/event-store';
import { KeyedLock } from './keyed-lock';
import { DomainEvent, StreamModel, foldEvents } from './stream-model';

export interface Folded<S> {
  readonly state: S;
  readonly version: number;
}

/** A decision on the current state: the events to append and the answer to give. */
export interface Decision<S> {
  readonly events: readonly DomainEvent[];
  readonly answer: (after: S, appended: readonly StoredEvent[]) => CommandAnswer;
}

export interface CommandContext {
  readonly metadata: EventMetadata;
  readonly idempotency?: IdempotencyKey;
}

const MAX_ATTEMPTS = 8;
const CACHE_LIMIT = 512;

/**
 * One kind of stream with its folded states kept in memory, keyed by stream version. A command
 * decides on the cached state and appends with that version as the expected one: if another
 * process wrote meanwhile, the append is refused, the cache catches up and the decision is
 * taken again, a bounded number of times.
 */
export class EventStream<S, E extends DomainEvent> {
  private readonly cache = new Map<string, Folded<S>>();
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly model: StreamModel<S, E>,
    private readonly schemaVersion = 1,
  ) {}

  /** The latest state, caught up with anything other processes appended. */
  async current(streamId: string): Promise<Folded<S>> {
    const cached = this.cache.get(streamId) ?? { state: this.model.initial(), version: 0 };
    const newer = await this.store.readStream(streamId, cached.version + 1);
    return newer.length ? this.remember(streamId, this.fold(cached, newer)) : cached;
  }

  /** The cached state without a read: for views that may lag by one poll. */
  cached(streamId: string): Folded<S> | undefined {
    return this.cache.get(streamId);
  }

  async execute(
    streamId: string,
    decide: (state: S) => Decision<S>,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    const outcome = await this.lock.run(streamId, () => this.attempt(streamId, decide, context, 1));
    // The answer (positions, waits) is worked out after the next command may go ahead.
    return typeof outcome === 'function' ? outcome() : outcome;
  }

  private async attempt(
    streamId: string,
    decide: (state: S) => Decision<S>,
    context: CommandContext,
    attempt: number,
  ): Promise<Outcome> {
    const known = this.cache.get(streamId) ?? (await this.current(streamId));
    try {
      return await this.decideAndAppend(streamId, known, decide, context);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= MAX_ATTEMPTS) throw error;
      // Fold again from the log: the cache may hold what a failed commit never wrote.
      this.cache.delete(streamId);
      await this.current(streamId);
      return this.attempt(streamId, decide, context, attempt + 1);
    }
  }

  private async decideAndAppend(
    streamId: string,
    known: Folded<S>,
    decide: (state: S) => Decision<S>,
    context: CommandContext,
  ): Promise<Outcome> {
    let after: Folded<S> | undefined;
    const write = async (append: AppendFn): Promise<() => CommandAnswer> => {
      const decision = decide(known.state);
      if (decision.events.length === 0) return () => decision.answer(known.state, []);
      const stored = await append(this.versioned(decision.events));
      const folded = this.fold(known, stored);
      after = folded;
      return () => decision.answer(folded.state, stored);
    };
    if (context.idempotency) {
      // The answer is kept with the events, so it is worked out inside the transaction.
      const { answer } = await this.store.runIdempotent(context.idempotency, async (tx) =>
        (
          await write(
            async (events) =>
              (await tx.append(streamId, known.version, events, context.metadata)).events,
          )
        )(),
      );
      if (after) this.remember(streamId, after);
      return answer;
    }
    const answer = await write(
      async (events) =>
        (await this.store.append(streamId, known.version, events, context.metadata)).events,
    );
    // Only what has committed goes into the cache.
    if (after) this.remember(streamId, after);
    return answer;
  }

  private versioned(events: readonly DomainEvent[]): NewEvent[] {
    return events.map((e) => ({ type: e.type, schemaVersion: this.schemaVersion, data: e.data }));
  }

  private fold(from: Folded<S>, events: readonly StoredEvent[]): Folded<S> {
    const last = events[events.length - 1];
    return {
      state: foldEvents(this.model, from.state, events),
      version: last ? last.streamVersion : from.version,
    };
  }

  private remember(streamId: string, folded: Folded<S>): Folded<S> {
    this.cache.delete(streamId);
    this.cache.set(streamId, folded);
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return folded;
  }
}

type AppendFn = (events: NewEvent[]) => Promise<readonly StoredEvent[]>;
/** An answer ready now, or one to work out once the stream is free for the next command. */
type Outcome = CommandAnswer | (() => CommandAnswer);
