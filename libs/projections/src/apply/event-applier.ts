import type { StoredEvent } from '../event-store';
import type { Projection } from '../projection';
import { inTransaction, type Db, type DbClient } from '../store/database';
import { parkEvent, waitingVersions } from '../store/dead-letters';
import { applyingLockStatement, lockForApplying } from '../store/projection-lock';
import { readStreamBetween } from '../store/stream-events';
import {
  lockStreamPositions,
  saveStreamPositions,
  type PositionsToMove,
} from '../store/stream-positions';
import type { TableSet } from '../table-set';
import { ApplyFailed } from './apply-failed';
import type { ApplyHooks } from './apply-hooks';
import { failureText } from './failure-text';
import { PgProjectionTx } from './pg-projection-tx';
import { DEFAULT_RETRY_POLICY, sleep, type RetryPolicy } from './retry-policy';
import { planChunk, type Step, type StreamState } from './stream-order';

export interface ApplyOutcome {
  applied: number;
  /** Already applied earlier (relay re-send, Kafka redelivery, replay overlap). */
  duplicates: number;
  parked: number;
  /** Types the projection does not handle. */
  ignored: number;
}

export interface ApplyOptions {
  /** Runs first in the transaction: the caller checks what the chunk builds on. */
  start?: (client: DbClient) => Promise<void>;
  /**
   * Runs last in the same transaction: the caller records how far it got, and moves the stream
   * positions given (the applier leaves them to it, so both take one statement).
   */
  finish?: (client: DbClient, positions: PositionsToMove) => Promise<void>;
  /** Keeps the caller's Kafka session alive while a poison event is being retried. */
  heartbeat?: () => Promise<void>;
}

type Mode = { careful: false } | { careful: true; failed: ApplyFailed | undefined };

/** Where the events come from: Kafka may deliver out of order, the store never does. */
export type EventSource = 'kafka' | 'log';

/**
 * Applies events to one table set exactly once and in stream order (see stream-order.ts).
 * Stream positions make the effect idempotent: they are written in the same transaction as the
 * read model and the caller's checkpoint.
 *
 * The fast path applies a whole batch without savepoints. If an event throws, the batch is
 * rolled back and redone carefully: each event in its own savepoint, a failing one retried
 * with backoff and then parked as a dead letter. The stream's later events are parked behind
 * it and wait with it, so a replay can apply them all in their order; other streams go on.
 */
export class EventApplier {
  private appliedCount = 0;

  private readonly policy: RetryPolicy;
  private readonly hooks: ApplyHooks;
  private readonly source: EventSource;

  constructor(
    private readonly projection: Projection,
    private readonly tableSet: TableSet,
    options: { policy?: RetryPolicy; hooks?: ApplyHooks; source?: EventSource } = {},
  ) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.hooks = options.hooks ?? {};
    this.source = options.source ?? 'kafka';
  }

  async applyInTransaction(
    db: Db,
    events: readonly StoredEvent[],
    options: ApplyOptions = {},
  ): Promise<ApplyOutcome> {
    // Fed from Kafka or the log, where the events stay: a chunk a server crash loses is
    // applied again, since the consumer checks the checkpoint it builds on.
    const transaction = {
      replayable: true,
      opening: this.tableSet.shadow ? undefined : applyingLockStatement(this.projection.name),
    };
    try {
      return await inTransaction(
        db,
        (c) => this.applyAll(c, events, options, { careful: false }, true),
        transaction,
      );
    } catch (error) {
      if (!(error instanceof ApplyFailed)) throw error;
      return inTransaction(
        db,
        (c) => this.applyAll(c, events, options, { careful: true, failed: error }, true),
        transaction,
      );
    }
  }

  /** Inside a transaction the caller owns and must not lose, so always with savepoints. */
  applyWithin(client: DbClient, events: readonly StoredEvent[]): Promise<ApplyOutcome> {
    return this.applyAll(client, events, {}, { careful: true, failed: undefined }, false);
  }

  private async applyAll(
    client: DbClient,
    events: readonly StoredEvent[],
    options: ApplyOptions,
    mode: Mode,
    /** The transaction took the projection's applying lock as it began. */
    locked: boolean,
  ): Promise<ApplyOutcome> {
    if (!locked && !this.tableSet.shadow) await lockForApplying(client, this.projection.name);
    await options.start?.(client);
    const handled = events.filter((e) => this.projection.handles(e.type));
    const outcome = {
      applied: 0,
      duplicates: 0,
      parked: 0,
      ignored: events.length - handled.length,
    };
    const positions = { tableSet: this.tableSet.key, changed: new Map<string, number>() };
    if (handled.length > 0) {
      const plan = await planChunk(handled, await this.streamStates(client, handled), {
        handles: (type) => this.projection.handles(type),
        readMissing:
          this.source === 'kafka'
            ? (stream, after, before) => readStreamBetween(client, stream, after, before)
            : undefined,
      });
      outcome.duplicates = plan.duplicates;
      const tx = new PgProjectionTx(client, this.tableSet);
      const progress = mode.careful
        ? await this.runCarefully(client, tx, plan.steps, mode.failed, options)
        : await this.runFast(client, tx, plan.steps);
      outcome.applied = progress.applied;
      outcome.parked = progress.parked;
      positions.changed = progress.positions;
    }
    if (options.finish) await options.finish(client, positions);
    else await saveStreamPositions(client, positions.tableSet, positions.changed);
    return outcome;
  }

  private async streamStates(
    client: DbClient,
    events: readonly StoredEvent[],
  ): Promise<Map<string, StreamState>> {
    const streamIds = events.map((e) => e.streamId);
    const positions = await lockStreamPositions(client, this.tableSet.key, streamIds);
    const parked = await waitingVersions(client, this.tableSet, streamIds);
    return new Map(
      [...positions].map(([id, position]) => [
        id,
        { position, parked: parked.get(id) ?? new Set() },
      ]),
    );
  }

  /** A failure names no event: the careful redo finds which one fails, and parks it. */
  private async runFast(
    client: DbClient,
    tx: PgProjectionTx,
    steps: readonly Step[],
  ): Promise<Progress> {
    const progress = new Progress();
    const fresh: StoredEvent[] = [];
    for (const step of steps) {
      if (step.kind === 'park')
        await progress.countParked(this.park(client, step.event, step.reason, 0));
      else fresh.push(step.event);
    }
    if (this.projection.applyBatch && fresh.length > 0) await this.applyAllAtOnce(fresh, tx);
    else for (const event of fresh) await this.applyOnce(event, tx);
    for (const event of fresh) progress.countApplied(event);
    return progress;
  }

  private async runCarefully(
    client: DbClient,
    tx: PgProjectionTx,
    steps: readonly Step[],
    failed: ApplyFailed | undefined,
    options: ApplyOptions,
  ): Promise<Progress> {
    const progress = new Progress();
    const stoppedAt = new Map<string, StoredEvent>();
    for (const step of steps) {
      const { event } = step;
      const blocker = stoppedAt.get(event.streamId);
      if (step.kind === 'park')
        await progress.countParked(this.park(client, event, step.reason, 0));
      else if (blocker)
        await progress.countParked(this.park(client, event, heldBehind(blocker), 0));
      else if (await this.applyOrPark(client, tx, event, failed, options)) {
        stoppedAt.set(event.streamId, event);
        progress.parked++;
      } else progress.countApplied(event);
    }
    return progress;
  }

  private async applyAllAtOnce(events: readonly StoredEvent[], tx: PgProjectionTx): Promise<void> {
    try {
      await this.projection.applyBatch?.(events, tx);
    } catch (error) {
      throw new ApplyFailed(undefined, error);
    }
    this.appliedCount += events.length;
    this.hooks.afterApply?.(this.appliedCount);
  }

  private async applyOnce(event: StoredEvent, tx: PgProjectionTx): Promise<void> {
    try {
      await this.projection.apply(event, tx);
    } catch (error) {
      throw new ApplyFailed(event, error);
    }
    this.hooks.afterApply?.(++this.appliedCount);
  }

  /** Returns true when the event was parked instead of applied. */
  private async applyOrPark(
    client: DbClient,
    tx: PgProjectionTx,
    event: StoredEvent,
    failedBefore: ApplyFailed | undefined,
    options: ApplyOptions,
  ): Promise<boolean> {
    const failedFast = failedBefore?.event?.eventId === event.eventId;
    let attempts = failedFast ? 1 : 0;
    let lastError: unknown = failedFast ? failedBefore.cause : undefined;
    while (attempts <= this.policy.delaysMs.length) {
      if (attempts > 0) {
        await options.heartbeat?.();
        await sleep(this.policy.delaysMs[attempts - 1] ?? 0);
      }
      attempts++;
      // If the savepoint commands themselves fail, the connection is gone: that is the
      // runner's failure, not the event's, so it propagates and nothing is parked.
      await client.query('SAVEPOINT apply_event');
      try {
        await this.projection.apply(event, tx);
      } catch (error) {
        lastError = error;
        await client.query('ROLLBACK TO SAVEPOINT apply_event');
        continue;
      }
      await client.query('RELEASE SAVEPOINT apply_event');
      this.hooks.afterApply?.(++this.appliedCount);
      return false;
    }
    await this.park(client, event, failureText(lastError), attempts);
    return true;
  }

  private park(
    client: DbClient,
    event: StoredEvent,
    error: string,
    attempts: number,
  ): Promise<void> {
    const { projection, key } = this.tableSet;
    return parkEvent(client, { projection, tableSet: key, event, error, attempts });
  }
}

class Progress {
  /** The last version applied per stream: where its position moves. */
  readonly positions = new Map<string, number>();
  applied = 0;
  parked = 0;

  countApplied(event: StoredEvent): void {
    this.applied++;
    this.positions.set(event.streamId, event.streamVersion);
  }

  async countParked(parking: Promise<void>): Promise<void> {
    await parking;
    this.parked++;
  }
}

const heldBehind = (blocker: StoredEvent): string =>
  `held behind version ${blocker.streamVersion} of its stream, which failed and waits parked`;
