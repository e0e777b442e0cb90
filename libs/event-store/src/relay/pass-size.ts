import type { RelayedEvent } from '../stored-event';

/**
 * The most one pass sends, in bytes. The broker refuses a request whose batch for one partition
 * is larger than its `message.max.bytes` (1 MB unless set otherwise), on every retry alike; a
 * full read of 2,000 settlements (about 3 KB each) on one partition is several times that. Half
 * the default leaves room for the records' framing and for a broker set tighter than ours.
 */
export const MAX_PASS_BYTES = 512 * 1024;

/** Key, CloudEvents headers and record framing: some 400 bytes, rounded up. */
const BYTES_BESIDE_DATA = 512;

/** How many events, from the first, one pass can send: never none, so a pass always moves on. */
export function eventsInOnePass(
  events: readonly RelayedEvent[],
  maxBytes: number = MAX_PASS_BYTES,
): number {
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    bytes += Buffer.byteLength((events[i] as RelayedEvent).dataJson) + BYTES_BESIDE_DATA;
    if (bytes > maxBytes) return Math.max(1, i);
  }
  return events.length;
}
