import type { StoredEvent } from '@circle/event-store';
import {
  evolveClaim,
  initialClaimState,
  isClaimEvent,
  type ClaimEvent,
  type ClaimState,
} from '../domain';

/** A claim's stream as stored: its events with who recorded each, and the state they fold to. */
export interface ClaimRecord {
  readonly state: ClaimState;
  readonly events: readonly (StoredEvent & ClaimEvent)[];
}

export function claimRecordOf(stored: readonly StoredEvent[]): ClaimRecord {
  const events = stored.filter((e): e is StoredEvent & ClaimEvent => isClaimEvent(e));
  return { state: events.reduce(evolveClaim, initialClaimState()), events };
}
