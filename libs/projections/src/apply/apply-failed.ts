import type { StoredEvent } from '../event-store';

/**
 * A projection's own code threw, as opposed to the runner losing its database: on this event,
 * or somewhere in a batch applied at once (no event named).
 */
export class ApplyFailed extends Error {
  constructor(
    readonly event: StoredEvent | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `applying ${event ? `${event.type} ${event.eventId}` : 'a batch'} failed: ${String(cause)}`,
    );
    this.name = 'ApplyFailed';
  }
}
