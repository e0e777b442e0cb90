import { EventApplier, type ApplyOutcome } from '../apply/event-applier';
import { LOG_START, positionOf, type LogPosition, type StoredEvent } from '../event-store';
import type { Projection } from '../projection';
import { inTransaction, type Db, type DbClient } from '../store/database';
import { lockForSwapping, tryLockForRebuilding } from '../store/projection-lock';
import { liveTableSet, shadowTableSet } from '../table-set';
import { EventLog } from './event-log';
import { eventsPerSecond, type Progress } from './progress-bar';
import { prepareShadow, swapShadow } from './shadow-tables';
import { splitByStream } from './stream-lanes';

export interface RebuildOptions {
  readonly pageSize?: number;
  /** Transactions applied side by side, each for its own set of streams. */
  readonly lanes?: number;
  readonly onProgress?: (progress: Progress) => void;
}

export interface RebuildReport {
  readonly events: number;
  readonly applied: number;
  readonly parked: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
}

export class RebuildAlreadyRunning extends Error {
  constructor(projection: string) {
    super(`a rebuild of ${projection} is already running`);
    this.name = 'RebuildAlreadyRunning';
  }
}

/**
 * Rebuilds a projection from the event store into shadow tables while the live tables keep
 * serving, then swaps them in one short transaction. The whole log is replayed in commit order
 * ((transaction id, position), gated), page by page, one transaction per page.
 */
export async function rebuildProjection(
  db: Db,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const session = await db.connect();
  try {
    if (!(await tryLockForRebuilding(session, projection.name)))
      throw new RebuildAlreadyRunning(projection.name);
    return await replayAndSwap(db, projection, options);
  } finally {
    // Closing the session is what releases the rebuild lock.
    session.release(true);
  }
}

async function replayAndSwap(
  db: Db,
  projection: Projection,
  options: RebuildOptions,
): Promise<RebuildReport> {
  const log = new EventLog(db);
  const pageSize = options.pageSize ?? 3_000;
  const lanes = options.lanes ?? 3;
  const applier = new EventApplier(projection, shadowTableSet(projection), { source: 'log' });
  const started = Date.now();
  const totals: ApplyOutcome = { applied: 0, duplicates: 0, parked: 0, ignored: 0 };
  let events = 0;
  const count = (outcome: ApplyOutcome, read: number) => {
    totals.applied += outcome.applied;
    totals.parked += outcome.parked;
    events += read;
  };

  await inTransaction(db, (client) => prepareShadow(client, projection));
  const total = await log.count();
  let cursor: LogPosition = LOG_START;
  let next = log.readAfter(cursor, pageSize);
  for (;;) {
    const page = await next;
    const last = page.at(-1);
    if (!last) break;
    cursor = positionOf(last);
    // Reading the next page while this one is applied keeps PostgreSQL busy on both.
    next = log.readAfter(cursor, pageSize);
    // Observed now so a failing apply below cannot leave it as an unhandled rejection.
    next.catch(() => undefined);
    count(await applyInLanes(db, applier, page, lanes), page.length);
    options.onProgress?.({ done: events, total, elapsedMs: Date.now() - started });
  }

  await inTransaction(db, async (client) => {
    // From here the live consumer waits: nothing may reach the live tables mid-swap.
    await lockForSwapping(client, projection.name);
    for (;;) {
      const page = await log.readAfter(cursor, pageSize);
      const last = page.at(-1);
      if (!last) break;
      count(await applier.applyWithin(client, page), page.length);
      cursor = positionOf(last);
    }
    const liveOnly = await applyLiveOnly(client, log, applier, projection);
    count(liveOnly.outcome, liveOnly.read);
    await swapShadow(client, projection);
  });

  const elapsedMs = Date.now() - started;
  options.onProgress?.({ done: events, total: Math.max(total, events), elapsedMs });
  return {
    events,
    applied: totals.applied,
    parked: totals.parked,
    elapsedMs,
    eventsPerSecond: eventsPerSecond(events, elapsedMs),
  };
}

async function applyInLanes(
  db: Db,
  applier: EventApplier,
  page: readonly StoredEvent[],
  lanes: number,
): Promise<ApplyOutcome> {
  // A failing lane fails the page; lanes that committed are skipped by stream position on rerun.
  const outcomes = await Promise.all(
    splitByStream(page, lanes).map((lane) => applier.applyInTransaction(db, lane)),
  );
  return outcomes.reduce(
    (sum, o) => ({
      applied: sum.applied + o.applied,
      duplicates: sum.duplicates + o.duplicates,
      parked: sum.parked + o.parked,
      ignored: sum.ignored + o.ignored,
    }),
    { applied: 0, duplicates: 0, parked: 0, ignored: 0 },
  );
}

async function applyLiveOnly(
  client: DbClient,
  log: EventLog,
  applier: EventApplier,
  projection: Projection,
): Promise<{ outcome: ApplyOutcome; read: number }> {
  const missing: StoredEvent[] = await log.appliedLiveOnly(
    client,
    liveTableSet(projection).key,
    shadowTableSet(projection).key,
  );
  return { outcome: await applier.applyWithin(client, missing), read: missing.length };
}
