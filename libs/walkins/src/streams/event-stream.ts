import {
  CommandAnswer,
  ConcurrencyConflict,
  EventMetadata,
  EventStore,
  EventStoreTransaction,
  IdempotencyKey,
  NewEvent,
  StoredEvent,
} from '@circle/event-store';
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
const MAX_BATCH = 128;
const CACHE_LIMIT = 512;

interface Pending<S> {
  readonly decide: (state: S) => Decision<S>;
  readonly context: CommandContext;
  readonly resolve: (answer: CommandAnswer) => void;
  readonly reject: (error: unknown) => void;
}

/** What became of one command of a batch inside the transaction. */
type Planned<S> =
  | { readonly kind: 'replayed'; readonly answer: CommandAnswer }
  | { readonly kind: 'refused'; readonly error: unknown }
  | { readonly kind: 'same-key'; readonly as: number }
  | {
      readonly kind: 'decided';
      readonly decision: Decision<S>;
      readonly from: number;
      readonly count: number;
      /** The state this command left: the log will hold the same events, so no second fold. */
      readonly state: S;
    };

interface Committed<S> {
  readonly planned: readonly Planned<S>[];
  readonly answers: ReadonlyMap<number, CommandAnswer | (() => CommandAnswer)>;
  readonly after: Folded<S>;
}

/**
 * One kind of stream with its folded states kept in memory, keyed by stream version.
 *
 * Commands on one stream are committed together: while one append is in flight, the commands
 * that arrive wait, and the next transaction decides all of them in arrival order, each on the
 * state its predecessors left, and appends their events at once (each event keeps its own
 * actor). Fifty clerks calling at one station then cost a few appends, not fifty in a row.
 * The append's expected version still guards against other processes: on a conflict the batch
 * is decided again on the caught-up state, a bounded number of times.
 */
export class EventStream<S, E extends DomainEvent> {
  private readonly cache = new Map<string, Folded<S>>();
  private readonly freshAt = new Map<string, number>();
  private readonly pending = new Map<string, Pending<S>[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly model: StreamModel<S, E>,
    private readonly schemaVersion = 1,
  ) {}

  /** The latest state, caught up with anything other processes appended. */
  async current(streamId: string): Promise<Folded<S>> {
    const cached = this.cache.get(streamId) ?? { state: this.model.initial(), version: 0 };
    const newer = await this.store.readStream(streamId, cached.version + 1);
    if (newer.length) return this.remember(streamId, this.fold(cached, newer));
    this.freshAt.set(streamId, Date.now());
    return cached;
  }

  /**
   * The cached state if this process read or wrote it within `maxAgeMs`, else the latest. For a
   * stream this app alone writes (a station's counters), the cache is the truth; the age bounds
   * how long a change made elsewhere can go unseen before an append's version check catches it.
   */
  async recent(streamId: string, maxAgeMs: number): Promise<Folded<S>> {
    const cached = this.cache.get(streamId);
    const at = this.freshAt.get(streamId) ?? 0;
    return cached && Date.now() - at <= maxAgeMs ? cached : this.current(streamId);
  }

  /** The cached state without a read: for views that may lag by one poll. */
  cached(streamId: string): Folded<S> | undefined {
    return this.cache.get(streamId);
  }

  execute(
    streamId: string,
    decide: (state: S) => Decision<S>,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(streamId) ?? [];
      queue.push({ decide, context, resolve, reject });
      this.pending.set(streamId, queue);
      if (!this.draining.has(streamId)) void this.drain(streamId);
    });
  }

  private async drain(streamId: string): Promise<void> {
    this.draining.add(streamId);
    try {
      for (;;) {
        const batch = this.pending.get(streamId)?.splice(0, MAX_BATCH) ?? [];
        if (batch.length === 0) break;
        await this.commit(streamId, batch);
      }
    } finally {
      // No await since the emptiness check: a command arriving now starts its own drain.
      if (!this.pending.get(streamId)?.length) this.pending.delete(streamId);
      this.draining.delete(streamId);
    }
  }

  private async commit(streamId: string, batch: readonly Pending<S>[]): Promise<void> {
    let committed: Committed<S> | undefined;
    try {
      for (let attempt = 1; !committed; attempt++) {
        const known = this.cache.get(streamId) ?? (await this.current(streamId));
        try {
          committed = await this.store.transaction((tx) =>
            this.decideAll(tx, streamId, known, batch),
          );
        } catch (error) {
          if (!(error instanceof ConcurrencyConflict) || attempt >= MAX_ATTEMPTS) throw error;
          // Fold again from the log: the cache may hold what a failed commit never wrote.
          this.cache.delete(streamId);
          await this.current(streamId).catch(() => undefined);
        }
      }
    } catch (error) {
      // Every failure, loading included, answers the batch: no clerk is left waiting.
      for (const command of batch) command.reject(error);
      return;
    }
    // Only what has committed goes into the cache.
    this.remember(streamId, committed.after);
    this.settle(batch, committed);
  }

  private async decideAll(
    tx: EventStoreTransaction,
    streamId: string,
    known: Folded<S>,
    batch: readonly Pending<S>[],
  ): Promise<Committed<S>> {
    const planned: Planned<S>[] = [];
    const events: NewEvent[] = [];
    const keys = new Map<string, number>();
    let state = known.state;
    for (const [index, command] of batch.entries()) {
      const key = command.context.idempotency;
      const keyId = key && `${key.scope}\u001f${key.key}`;
      const earlier = keyId === undefined ? undefined : keys.get(keyId);
      if (earlier !== undefined) {
        planned.push({ kind: 'same-key', as: earlier });
        continue;
      }
      if (keyId !== undefined) keys.set(keyId, index);
      try {
        const stored = key && (await tx.storedAnswer(key));
        if (stored) {
          planned.push({ kind: 'replayed', answer: stored });
          continue;
        }
        const decision = command.decide(state);
        state = foldEvents(this.model, state, decision.events);
        planned.push({
          kind: 'decided',
          decision,
          from: events.length,
          count: decision.events.length,
          state,
        });
        events.push(...this.versioned(decision.events, command.context.metadata));
      } catch (error) {
        planned.push({ kind: 'refused', error });
      }
    }
    const metadata = batch[0]?.context.metadata;
    const stored =
      events.length && metadata
        ? (await tx.append(streamId, known.version, events, metadata)).events
        : [];
    const answers = new Map<number, CommandAnswer | (() => CommandAnswer)>();
    let after = known;
    for (const [index, plan] of planned.entries()) {
      if (plan.kind !== 'decided') continue;
      const mine = stored.slice(plan.from, plan.from + plan.count);
      const folded = (after = {
        state: plan.state,
        version: known.version + plan.from + plan.count,
      });
      const key = batch[index]?.context.idempotency;
      if (key) {
        // The answer is kept with the events, so it is worked out inside the transaction.
        const answer = plan.decision.answer(folded.state, mine);
        await tx.saveAnswer(key, answer);
        answers.set(index, answer);
      } else {
        answers.set(index, () => plan.decision.answer(folded.state, mine));
      }
    }
    return { planned, answers, after };
  }

  private settle(batch: readonly Pending<S>[], committed: Committed<S>): void {
    const answerOf = (index: number): CommandAnswer => {
      const plan = committed.planned[index];
      if (plan?.kind === 'replayed') return plan.answer;
      if (plan?.kind === 'same-key') return answerOf(plan.as);
      if (plan?.kind === 'refused') throw plan.error;
      const answer = committed.answers.get(index);
      if (!answer) throw new Error('a command of the batch has no answer');
      return typeof answer === 'function' ? answer() : answer;
    };
    for (const [index, command] of batch.entries()) {
      try {
        command.resolve(answerOf(index));
      } catch (error) {
        command.reject(error);
      }
    }
  }

  private versioned(events: readonly DomainEvent[], metadata: EventMetadata): NewEvent[] {
    return events.map((e) => ({
      type: e.type,
      schemaVersion: this.schemaVersion,
      data: e.data,
      metadata,
    }));
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
    this.freshAt.set(streamId, Date.now());
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
        this.freshAt.delete(oldest);
      }
    }
    return folded;
  }
}
