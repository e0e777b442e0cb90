import type { EventMetadata, NewEvent } from '../stored-event';
import type { CommandAnswer, IdempotencyKey } from './command-answer';
import type { EventStore } from './event-store';
import { ConcurrencyConflict, IdempotencyKeyTaken } from './event-store.errors';

const ATTEMPTS = 3;

/** What one command decided on a stream as it was loaded, and what the caller is told. */
export interface DecidedAppend<Body> {
  readonly streamId: string;
  /** The version the decision was made on. */
  readonly loadedVersion: number;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
  readonly answer: CommandAnswer<Body>;
}

/**
 * Loads, decides and appends at the loaded version, with the request's answer kept by the
 * append's own statement: a read and a write, where a transaction around them, with the key's
 * lock and lookup, took seven round trips. Two desks acting on one stream at once: the loser
 * decides again on what the winner wrote (so a duplicate is refused by the state, not a bare
 * conflict). A repeat of a keyed request gets its kept answer, also when the state its first
 * run made refuses it now, and a thrown decision stores nothing.
 */
export async function decideAndAppend<Body>(
  store: EventStore,
  request: IdempotencyKey | undefined,
  decide: () => Promise<DecidedAppend<Body>>,
): Promise<CommandAnswer<Body>> {
  for (let attempt = 1; ; attempt++) {
    let decided: DecidedAppend<Body>;
    try {
      decided = await decide();
    } catch (refusal) {
      const kept = request && (await store.keptAnswer<Body>(request));
      if (kept) return kept;
      throw refusal;
    }
    const { streamId, loadedVersion, events, metadata, answer } = decided;
    try {
      await store.append(streamId, loadedVersion, events, metadata, {
        ...(request ? { answers: [{ request, answer }] } : {}),
      });
      return answer;
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken && request) {
        const kept = await store.keptAnswer<Body>(request);
        if (kept) return kept;
      }
      const again = error instanceof ConcurrencyConflict || error instanceof IdempotencyKeyTaken;
      if (!again || attempt >= ATTEMPTS) throw error;
    }
  }
}
