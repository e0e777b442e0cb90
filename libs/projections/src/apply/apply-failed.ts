import type { StoredEvent } from '../event-store';

/** A projection's own code threw on this event, as opposed to the runner losing its database. */
export class ApplyFailed extends Error {
  constructor(
    readonly event: StoredEvent,
    override readonly cause: unknown,
  ) {
    super(`applying ${event.type} ${event.eventId} failed: ${String(cause)}`);
    this.name = 'ApplyFailed';
  }
}
