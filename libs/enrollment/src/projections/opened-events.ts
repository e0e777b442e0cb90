import type { StoredEvent } from '@circle/event-store';
import type { ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';
import { openEventsWith } from '../shared/personal-events';

/**
 * A chunk's insured-person events with their name, phone and address opened: one key lookup
 * for everyone in the chunk, through the projection's own transaction. A person erased before
 * (or during) a rebuild reads as ERASED, as the live read model shows them after PersonErased.
 */
export async function openedFacts(
  events: readonly StoredEvent[],
  tx: ProjectionTx,
  masterKey: Buffer,
): Promise<InsuredPersonEvent[]> {
  const facts = events.flatMap((e) => {
    const fact = { type: e.type, data: e.data };
    return isInsuredPersonEvent(fact) ? [fact] : [];
  });
  return openEventsWith((sql, params) => tx.query(sql, params), masterKey, facts);
}

/** A read model's set-based chunk: facts added in order, written at once. */
export interface FactChunk {
  add(fact: InsuredPersonEvent): Promise<void>;
  flush(): Promise<void>;
}

/** A chunk of events opened, added to the read model's chunk in order, and written. */
export async function applyOpenedChunk(
  chunk: FactChunk,
  events: readonly StoredEvent[],
  tx: ProjectionTx,
  masterKey: Buffer,
): Promise<void> {
  for (const fact of await openedFacts(events, tx, masterKey)) await chunk.add(fact);
  await chunk.flush();
}
