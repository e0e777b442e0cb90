import {
  CommandAnswer,
  ConcurrencyConflict,
  EventMetadata,
  EventStore,
  IdempotencyKeyTaken,
  NewEvent,
  StoredEvent,
  keyIdOf,
  type AnsweredRequest,
} from '@circle/event-store';
import { RecentMap } from '@circle/kernel';
import {
  CommandContext,
  Decided,
  Decision,
  Folded,
  KeptAnswers,
  KeyedOutcome,
  Pending,
  Plan,
  keptOutcome,
  keysOf,
  missingAnswer,
  outcomeOf,
  reused,
} from './batch';
import { DomainEvent, StreamModel, foldEvents } from './stream-model';

export type { CommandContext, Decision, Folded } from './batch';

const MAX_ATTEMPTS = 8;
const MAX_BATCH = 128;
const CACHE_LIMIT = 512;

/**
 * One kind of stream with its folded states kept in memory, keyed by stream version.
 *
 * Commands on one stream are committed together: while one append is in flight, the commands
 * that arrive wait, and the next append decides all of them in arrival order, each on the
 * state its predecessors left, and writes their events at once (each event keeps its own
 * actor). Fifty clerks calling at one station then cost a few appends, not fifty in a row.
 * Each command's answer is worked out before its events join the batch; a command whose
 * decision or answer throws adds nothing, and the others are committed without it.
 *
 * A batch is one statement: the expected-version check, the events and the answers kept for
 * the batch's Idempotency-Keys. Keys are not looked up first: a repeat is rare, and when one
 * comes the statement meets its kept answer and appends nothing (IdempotencyKeyTaken); the
 * batch is then decided again with the kept answers in hand. A repeat the state refuses (its
 * ticket already completed, its counter busy with the ticket it called) never reaches the
 * statement, so a refused command with a key has the kept answers looked up before the batch
 * is written, and gets its first answer rather than the refusal. The expected version guards
 * against other processes the same way: on a conflict the batch is decided again on the
 * caught-up state, a bounded number of times. A batch with nothing to append checks the
 * stream's version instead, so that no refusal or empty answer rests on a stale cache.
 */
export class EventStream<S, E extends DomainEvent> {
  private readonly freshAt = new Map<string, number>();
  private readonly cache = new RecentMap<string, Folded<S>>(CACHE_LIMIT, (dropped) =>
    this.freshAt.delete(dropped),
  );
  private readonly pending = new Map<string, Pending<S>[]>();
  private readonly draining = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly model: StreamModel<S, E>,
    /** The schema version each type is written under, where it is not 1. */
    private readonly schemaVersions: Readonly<Record<string, number>> = {},
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
    let committed: Plan<S> | undefined;
    let kept: KeptAnswers = new Map();
    try {
      for (let attempt = 1; !committed; attempt++) {
        const known = this.cache.get(streamId) ?? (await this.current(streamId));
        let plan: Plan<S>;
        [plan, kept] = await this.planned(known, batch, kept);
        try {
          await this.write(streamId, known.version, plan, batch);
          committed = plan;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS) throw error;
          if (error instanceof IdempotencyKeyTaken) {
            kept = await this.store.keptAnswers(keysOf(batch));
          } else if (error instanceof ConcurrencyConflict) {
            // Fold again from the log: the cache may hold what a failed append never wrote.
            this.cache.delete(streamId);
            await this.current(streamId).catch(() => undefined);
          } else {
            throw error;
          }
        }
      }
    } catch (error) {
      // Every failure, loading included, answers the batch: no clerk is left waiting.
      for (const command of batch) command.reject(error);
      return;
    }
    // Only what has committed goes into the cache.
    this.remember(streamId, committed.after);
    for (const [index, command] of batch.entries()) {
      try {
        command.resolve(committed.outcomes[index]?.() ?? missingAnswer());
      } catch (error) {
        command.reject(error);
      }
    }
  }

  /** The batch's plan, decided again with the kept answers when a keyed command was refused. */
  private async planned(
    known: Folded<S>,
    batch: readonly Pending<S>[],
    kept: KeptAnswers,
  ): Promise<[Plan<S>, KeptAnswers]> {
    const plan = this.plan(known, batch, kept);
    if (!plan.refusedKeyed) return [plan, kept];
    const found = await this.store.keptAnswers(keysOf(batch));
    return [this.plan(known, batch, found), found];
  }

  private async write(
    streamId: string,
    version: number,
    plan: Plan<S>,
    batch: readonly Pending<S>[],
  ): Promise<void> {
    const metadata = batch[0]?.context.metadata;
    if (!metadata) return;
    if (plan.events.length === 0 && plan.answers.length === 0) {
      // No append, so no version check: a refusal or an empty answer must not rest on a cached
      // state another process has moved past (a transfer's arrival is written by another app).
      const latest = await this.store.streamVersion(streamId);
      if (latest !== version) throw new ConcurrencyConflict(streamId, version, latest);
      return;
    }
    await this.store.append(streamId, version, plan.events, metadata, { answers: plan.answers });
  }

  /**
   * Decides the batch in arrival order, each command on the state its predecessors left. A
   * command with a kept answer gets that answer; one repeating a key earlier in the batch gets
   * the earlier command's answer; a refused command's error is its outcome and keeps nothing.
   */
  private plan(known: Folded<S>, batch: readonly Pending<S>[], kept: KeptAnswers): Plan<S> {
    const outcomes: (() => CommandAnswer)[] = [];
    const events: NewEvent[] = [];
    const answers: AnsweredRequest[] = [];
    const byKey = new Map<string, KeyedOutcome>();
    let state = known.state;
    let refusedKeyed = false;
    for (const command of batch) {
      const key = command.context.idempotency;
      const keyId = key && keyIdOf(key);
      const earlier =
        keyId === undefined ? undefined : (byKey.get(keyId) ?? keptOutcome(kept.get(keyId)));
      if (key && earlier) {
        outcomes.push(earlier.fingerprint === key.fingerprint ? earlier.outcome : reused);
        continue;
      }
      const decided = this.decideOne(command, state);
      if ('answer' in decided) {
        state = decided.after;
        events.push(...decided.events);
        if (key) answers.push({ request: key, answer: decided.answer });
      } else if (key) {
        refusedKeyed = true;
      }
      const outcome = outcomeOf(decided);
      outcomes.push(outcome);
      if (key && keyId !== undefined) byKey.set(keyId, { fingerprint: key.fingerprint, outcome });
    }
    const after = { state, version: known.version + events.length };
    return { outcomes, events, answers, after, refusedKeyed };
  }

  /**
   * The answer is worked out before the command's events join the batch: an answer that throws
   * after the commit would tell the caller it failed while its events stand in the log.
   */
  private decideOne(command: Pending<S>, state: S): Decided<S> {
    try {
      const decision = command.decide(state);
      const after = foldEvents(this.model, state, decision.events);
      const answer = decision.answer(after);
      return {
        answer,
        after,
        events: this.versioned(decision.events, command.context.metadata),
      };
    } catch (error) {
      return { error };
    }
  }

  private versioned(events: readonly DomainEvent[], metadata: EventMetadata): NewEvent[] {
    return events.map((e) => ({
      type: e.type,
      schemaVersion: this.schemaVersions[e.type] ?? 1,
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
    this.cache.set(streamId, folded);
    this.freshAt.set(streamId, Date.now());
    return folded;
  }
}
