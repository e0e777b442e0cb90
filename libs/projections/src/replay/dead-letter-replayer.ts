import { PgProjectionTx } from '../apply/pg-projection-tx';
import { failureText } from '../apply/failure-text';
import type { Projection } from '../projection';
import { inTransaction, type Db } from '../store/database';
import {
  deadLetterProjection,
  lockDeadLetter,
  markReplayed,
  recordFailedReplay,
  waitingDeadLetterIds,
} from '../store/dead-letters';
import { eventFromJson } from '../store/event-json';
import { lockForApplying } from '../store/projection-lock';
import { liveTableSet } from '../table-set';
import { alreadyReplayed, deadLetterNotFound, projectionNotHere } from './replay-errors';

export type ReplayResult =
  | { readonly id: string; readonly replayed: true }
  | { readonly id: string; readonly replayed: false; readonly error: string };

class ReplayFailed extends Error {
  constructor(readonly reason: unknown) {
    super(String(reason));
  }
}

/**
 * Applies parked events once their cause is fixed. The stream position moved past a parked
 * event when it was parked, so a replay applies it directly, after the stream's later events;
 * projections whose effect depends on order must take that into account for replays.
 */
export class DeadLetterReplayer {
  constructor(
    private readonly db: Db,
    private readonly projections: ReadonlyMap<string, Projection>,
  ) {}

  async replay(id: string): Promise<ReplayResult> {
    const projection = await this.projectionOf(id);
    try {
      await inTransaction(this.db, async (client) => {
        // The swap lock first, the letter's row second: the order a rebuild's swap takes them.
        await lockForApplying(client, projection.name);
        const letter = await lockDeadLetter(client, id);
        if (!letter) throw deadLetterNotFound(id);
        if (letter.replayedAt) throw alreadyReplayed(id);
        const tx = new PgProjectionTx(client, liveTableSet(projection));
        await projection.apply(eventFromJson(letter.event), tx).catch((error: unknown) => {
          throw new ReplayFailed(error);
        });
        await markReplayed(client, id);
      });
      return { id, replayed: true };
    } catch (error) {
      if (!(error instanceof ReplayFailed)) throw error;
      const text = failureText(error.reason);
      await recordFailedReplay(this.db, id, text);
      return { id, replayed: false, error: text };
    }
  }

  async replayAll(projectionName: string): Promise<ReplayResult[]> {
    if (!this.projections.has(projectionName)) throw projectionNotHere(projectionName);
    const results: ReplayResult[] = [];
    for (const id of await waitingDeadLetterIds(this.db, projectionName))
      results.push(await this.replay(id));
    return results;
  }

  private async projectionOf(id: string): Promise<Projection> {
    if (!/^\d{1,18}$/.test(id)) throw deadLetterNotFound(id);
    const name = await deadLetterProjection(this.db, id);
    if (name === undefined) throw deadLetterNotFound(id);
    const projection = this.projections.get(name);
    if (!projection) throw projectionNotHere(name);
    return projection;
  }
}
