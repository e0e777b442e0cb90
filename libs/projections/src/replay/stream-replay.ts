import { failureText } from '../apply/failure-text';
import { PgProjectionTx } from '../apply/pg-projection-tx';
import type { StoredEvent } from '../event-store';
import type { Projection } from '../projection';
import type { DbClient } from '../store/database';
import {
  lockStreamLetters,
  markReplayed,
  recordFailedReplay,
  type DeadLetter,
} from '../store/dead-letters';
import { eventFromJson, isKafkaRecord } from '../store/event-json';
import { lockForApplying } from '../store/projection-lock';
import { readStreamBetween } from '../store/stream-events';
import { lockStreamPositions, saveStreamPositions } from '../store/stream-positions';
import { liveTableSet } from '../table-set';

export type ReplayResult =
  | { readonly id: string; readonly replayed: true }
  | { readonly id: string; readonly replayed: false; readonly error: string };

/**
 * Replays the waiting letters of one stream in its version order, in the caller's transaction:
 * a parked event and every later one held behind it are applied as they happened, so nothing
 * the projection writes is undone by an earlier event applied late. Versions between them that
 * never came (types the projection does not handle, or a hole in Kafka) are taken from the
 * event store. The first letter that still fails stops the stream there: the ones before it
 * stay applied, it and the ones after it keep waiting.
 */
export async function replayStream(
  client: DbClient,
  projection: Projection,
  streamId: string,
): Promise<ReplayResult[]> {
  const tableSet = liveTableSet(projection);
  // The swap lock first, the stream's position second, its letters last: the order every
  // batch and a rebuild's swap take them in.
  await lockForApplying(client, projection.name);
  const positions = await lockStreamPositions(client, tableSet.key, [streamId]);
  const letters = await lockStreamLetters(client, projection.name, streamId);
  const tx = new PgProjectionTx(client, tableSet);
  let position = positions.get(streamId) ?? 0;
  const results: ReplayResult[] = [];
  for (const [i, letter] of letters.entries()) {
    if (isKafkaRecord(letter.event)) continue;
    const event = eventFromJson(letter.event);
    const failure =
      event.streamVersion <= position
        ? undefined
        : await applyInOrder(client, tx, projection, position, event);
    if (failure !== undefined) {
      await recordFailedReplay(client, letter.id, failure);
      results.push({ id: letter.id, replayed: false, error: failure });
      results.push(...letters.slice(i + 1).map((later) => heldBehind(later, letter)));
      break;
    }
    await markReplayed(client, letter.id);
    position = Math.max(position, event.streamVersion);
    results.push({ id: letter.id, replayed: true });
  }
  await saveStreamPositions(client, tableSet.key, new Map([[streamId, position]]));
  return results;
}

/** Applies what lies between the stream's position and the event, then the event. */
async function applyInOrder(
  client: DbClient,
  tx: PgProjectionTx,
  projection: Projection,
  position: number,
  event: StoredEvent,
): Promise<string | undefined> {
  const missing = await readStreamBetween(client, event.streamId, position, event.streamVersion);
  if (missing.length !== event.streamVersion - position - 1)
    return `versions ${position + 1} to ${event.streamVersion - 1} of its stream are in neither Kafka nor the event store`;
  for (const earlier of [...missing.filter((e) => projection.handles(e.type)), event]) {
    const failure = await applyOne(client, tx, projection, earlier);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

async function applyOne(
  client: DbClient,
  tx: PgProjectionTx,
  projection: Projection,
  event: StoredEvent,
): Promise<string | undefined> {
  await client.query('SAVEPOINT replay_event');
  try {
    await projection.apply(event, tx);
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT replay_event');
    return failureText(error);
  }
  await client.query('RELEASE SAVEPOINT replay_event');
  return undefined;
}

const heldBehind = (later: DeadLetter, failing: DeadLetter): ReplayResult => ({
  id: later.id,
  replayed: false,
  error: `held behind dead letter ${failing.id} of its stream, which still fails`,
});
