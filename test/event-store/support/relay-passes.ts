import type { OutboxRelay, RelayedEvent } from '@circle/event-store';

/**
 * Other suites append to the same database meanwhile, so one pass may be full of their events:
 * passes repeat until `done` holds for everything relayed so far, or the time is up.
 */
export async function relayUntil(
  relay: OutboxRelay,
  done: (relayed: readonly RelayedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<RelayedEvent[]> {
  const relayed: RelayedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(relayed) && Date.now() < deadline) {
    const batch = await relay.relayOnce();
    relayed.push(...batch);
    if (batch.length === 0) await new Promise((r) => setTimeout(r, 20));
  }
  return relayed;
}

/** Passes until one comes back empty: everything under the gate at that moment is out. */
export async function relayToGate(relay: OutboxRelay): Promise<RelayedEvent[]> {
  const relayed: RelayedEvent[] = [];
  for (;;) {
    const batch = await relay.relayOnce();
    if (batch.length === 0) return relayed;
    relayed.push(...batch);
  }
}
