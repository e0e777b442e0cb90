import type { StoredEvent } from '../event-store';

/**
 * Splits events into lanes by stream, keeping each stream's order. Kafka gives a live consumer
 * no order across streams either, so applying lanes side by side changes nothing a projection
 * may rely on.
 */
export function splitByStream(events: readonly StoredEvent[], lanes: number): StoredEvent[][] {
  const split: StoredEvent[][] = Array.from({ length: lanes }, () => []);
  for (const event of events) split[laneOf(event.streamId, lanes)]?.push(event);
  return split.filter((lane) => lane.length > 0);
}

/** FNV-1a: cheap, and spreads similar stream ids (`…-1`, `…-2`) evenly. */
function laneOf(streamId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) {
    hash ^= streamId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
