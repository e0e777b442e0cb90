import type { StoredEvent } from '../event-store';

/** Where one stream of one table set stands while a chunk is planned. */
export interface StreamState {
  /** The highest version applied. */
  position: number;
  /** Versions parked and waiting for a replay; the lowest holds back every later one. */
  readonly parked: Set<number>;
}

export type Step =
  | { readonly kind: 'apply'; readonly event: StoredEvent }
  | { readonly kind: 'park'; readonly event: StoredEvent; readonly reason: string };

/** The stream's events after version `after` and before `before`, from the event store. */
export type ReadMissing = (
  streamId: string,
  after: number,
  before: number,
) => Promise<readonly StoredEvent[]>;

export interface Ordering {
  /** The projection's own filter: a stream's versions of other types never reach `position`. */
  readonly handles: (type: string) => boolean;
  /**
   * Where versions that did not arrive are looked up. Absent when the events come from the
   * event store itself in commit order (a rebuild): then a version skipped is one of a type
   * the projection does not handle, since every earlier one came before it.
   */
  readonly readMissing?: ReadMissing;
}

export interface Plan {
  readonly steps: readonly Step[];
  readonly duplicates: number;
}

/**
 * Puts a chunk's events in stream order, so every stream is applied 1, 2, 3, … with nothing
 * skipped and nothing twice:
 * - a version already applied or already parked is a duplicate (relay re-sends, redeliveries);
 * - a version after a parked one waits behind it, parked too, until a replay applies them in
 *   order: applied around the missing effect, it would leave the read model wrong (a ticket
 *   called before it was issued shows as waiting once the issue is replayed);
 * - a version that jumps ahead first takes the versions in between from the event store, in the
 *   same database and transaction, the source Kafka was fed from. Mostly they are of types the
 *   projection does not handle; otherwise Kafka delivered n + 1 before n (another topic, a
 *   changed partition count, a lost commit) and n is applied from the store first. If the store
 *   lacks them too, the event is parked with the reason and holds its stream, never applied
 *   past the hole.
 */
export async function planChunk(
  events: readonly StoredEvent[],
  streams: Map<string, StreamState>,
  ordering: Ordering,
): Promise<Plan> {
  const steps: Step[] = [];
  let duplicates = 0;
  for (const event of events) {
    const stream = stateOf(streams, event.streamId);
    const version = event.streamVersion;
    if (version <= stream.position || stream.parked.has(version)) {
      duplicates++;
      continue;
    }
    const held = lowestParked(stream);
    if (held !== undefined && version > held) {
      steps.push(park(event, `held behind version ${held} of its stream, which waits parked`));
      stream.parked.add(version);
      continue;
    }
    if (version > stream.position + 1 && ordering.readMissing) {
      const missing = await ordering.readMissing(event.streamId, stream.position, version);
      if (!continues(missing, stream.position, version)) {
        steps.push(park(event, gapReason(stream.position, version)));
        stream.parked.add(version);
        continue;
      }
      for (const earlier of missing)
        if (ordering.handles(earlier.type)) steps.push({ kind: 'apply', event: earlier });
    }
    steps.push({ kind: 'apply', event });
    stream.position = version;
  }
  return { steps, duplicates };
}

function stateOf(streams: Map<string, StreamState>, streamId: string): StreamState {
  let state = streams.get(streamId);
  if (!state) streams.set(streamId, (state = { position: 0, parked: new Set() }));
  return state;
}

export function lowestParked(stream: StreamState): number | undefined {
  let lowest: number | undefined;
  for (const version of stream.parked)
    if (lowest === undefined || version < lowest) lowest = version;
  return lowest;
}

/** Exactly the versions after `after` and before `before`, in order. */
function continues(missing: readonly StoredEvent[], after: number, before: number): boolean {
  return (
    missing.length === before - after - 1 &&
    missing.every((event, i) => event.streamVersion === after + 1 + i)
  );
}

const park = (event: StoredEvent, reason: string): Step => ({ kind: 'park', event, reason });

export function gapReason(position: number, version: number): string {
  const missing =
    version - position === 2
      ? `version ${position + 1} is`
      : `versions ${position + 1} to ${version - 1} are`;
  return `stream gap: version ${version} came after version ${position}, and ${missing} in neither Kafka nor the event store`;
}
