import type { StoredEvent } from '../stored-event';
import type { Queryable } from './queryable';
import { readStreamEvents } from './read-events';
import { SnapshotPolicy, readSnapshot } from './snapshots';
import type { UpcasterRegistry } from './upcaster-registry';

/** Folds one event into the state; pure, and it returns a new state rather than changing one. */
export type Evolve<S> = (state: S, event: StoredEvent) => S;

export interface Aggregate<S> {
  readonly state: S;
  /** The stream's version this state reflects: the expected version of the next append. */
  readonly version: number;
}

export interface AggregateOptions {
  readonly snapshot?: SnapshotPolicy;
}

export function fold<S>(
  start: Aggregate<S>,
  events: readonly StoredEvent[],
  evolve: Evolve<S>,
): Aggregate<S> {
  let state = start.state;
  let version = start.version;
  for (const event of events) {
    state = evolve(state, event);
    version = event.streamVersion;
  }
  return { state, version };
}

export async function loadAggregate<S>(
  db: Queryable,
  upcasters: UpcasterRegistry,
  streamId: string,
  evolve: Evolve<S>,
  initial: S,
  options: AggregateOptions = {},
): Promise<Aggregate<S>> {
  const snapshot = options.snapshot
    ? await readSnapshot<S>(db, streamId, options.snapshot)
    : undefined;
  const start = snapshot ?? { state: initial, version: 0 };
  const events = await readStreamEvents(db, streamId, start.version + 1);
  return fold(
    start,
    events.map((e) => upcasters.upcast(e)),
    evolve,
  );
}
