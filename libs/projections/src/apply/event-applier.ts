import type { StoredEvent } from '../event-store';
import type { Projection } from '../projection';
import { inTransaction, type Db, type DbClient } from '../store/database';
import { parkEvent } from '../store/dead-letters';
import { lockForApplying } from '../store/projection-lock';
import { lockStreamPositions, saveStreamPositions } from '../store/stream-positions';
import type { TableSet } from '../table-set';
import { ApplyFailed } from './apply-failed';
import type { ApplyHooks } from './apply-hooks';
import { failureText } from './failure-text';
import { PgProjectionTx } from './pg-projection-tx';
import { DEFAULT_RETRY_POLICY, sleep, type RetryPolicy } from './retry-policy';

export interface ApplyOutcome {
  applied: number;
  /** Already applied earlier (relay re-send, Kafka redelivery, replay overlap). */
  duplicates: number;
  parked: number;
  /** Types the projection does not handle. */
  ignored: number;
}

export interface ApplyOptions {
  /** Runs last in the same transaction: the caller records how far it got. */
  finish?: (client: DbClient) => Promise<void>;
  /** Keeps the caller's Kafka session alive while a poison event is being retried. */
  heartbeat?: () => Promise<void>;
}

type Mode = { careful: false } | { careful: true; failed: ApplyFailed | undefined };

/**
 * Applies events to one table set exactly once. Stream positions make the effect idempotent:
 * an event at or below its stream's recorded version is skipped, and the positions are written
 * in the same transaction as the read model and the caller's checkpoint.
 *
 * The fast path applies a whole batch without savepoints. If an event throws, the batch is
 * rolled back and redone carefully: each event in its own savepoint, a failing one retried
 * with backoff and then parked as a dead letter. A parked event still advances its stream's
 * position, so the stream's later events keep flowing (one bad event must not freeze a
 * station's queue); the read model misses that one effect until an admin replays the letter.
 */
export class EventApplier {
  private appliedCount = 0;

  constructor(
    private readonly projection: Projection,
    private readonly tableSet: TableSet,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly hooks: ApplyHooks = {},
  ) {}

  async applyInTransaction(
    db: Db,
    events: readonly StoredEvent[],
    options: ApplyOptions = {},
  ): Promise<ApplyOutcome> {
    // Fed from Kafka, where the events stay: a chunk a server crash loses is applied again.
    const replayable = { replayable: true };
    try {
      return await inTransaction(
        db,
        (c) => this.applyAll(c, events, options, { careful: false }),
        replayable,
      );
    } catch (error) {
      if (!(error instanceof ApplyFailed)) throw error;
      return inTransaction(
        db,
        (c) => this.applyAll(c, events, options, { careful: true, failed: error }),
        replayable,
      );
    }
  }

  /** Inside a transaction the caller owns and must not lose, so always with savepoints. */
  applyWithin(client: DbClient, events: readonly StoredEvent[]): Promise<ApplyOutcome> {
    return this.applyAll(client, events, {}, { careful: true, failed: undefined });
  }

  private async applyAll(
    client: DbClient,
    events: readonly StoredEvent[],
    options: ApplyOptions,
    mode: Mode,
  ): Promise<ApplyOutcome> {
    if (!this.tableSet.shadow) await lockForApplying(client, this.projection.name);
    const handled = events.filter((e) => this.projection.handles(e.type));
    const outcome = {
      applied: 0,
      duplicates: 0,
      parked: 0,
      ignored: events.length - handled.length,
    };
    if (handled.length > 0) {
      const stored = await lockStreamPositions(
        client,
        this.tableSet.key,
        handled.map((e) => e.streamId),
      );
      const changed = new Map<string, number>();
      const fresh: StoredEvent[] = [];
      for (const event of handled) {
        const known = changed.get(event.streamId) ?? stored.get(event.streamId) ?? 0;
        if (event.streamVersion <= known) {
          outcome.duplicates++;
          continue;
        }
        fresh.push(event);
        changed.set(event.streamId, event.streamVersion);
      }
      const tx = new PgProjectionTx(client, this.tableSet);
      if (!mode.careful && this.projection.applyBatch && fresh.length > 0) {
        await this.applyAllAtOnce(fresh, tx);
        outcome.applied += fresh.length;
      } else {
        for (const event of fresh) {
          let parked = false;
          if (mode.careful)
            parked = await this.applyOrPark(client, tx, event, mode.failed, options);
          else await this.applyOnce(event, tx);
          if (parked) outcome.parked++;
          else outcome.applied++;
        }
      }
      await saveStreamPositions(client, this.tableSet.key, changed);
    }
    await options.finish?.(client);
    return outcome;
  }

  /** A failure names no event: the careful redo finds which one fails, and parks it. */
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
    await parkEvent(client, {
      projection: this.projection.name,
      tableSet: this.tableSet.key,
      event,
      error: failureText(lastError),
      attempts,
    });
    return true;
  }
}
