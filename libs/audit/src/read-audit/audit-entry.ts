/** One line of the audit view: who did what, when, at which station, as the event recorded it. */
export interface AuditEntry {
  /** The event's position in the log; pass it as `before` to read on. */
  readonly position: string;
  /** ISO 8601 in Asia/Shanghai. */
  readonly at: string;
  readonly actor: string;
  readonly stationId: string | null;
  /** The event's type, e.g. `walkins.TicketCalled`. */
  readonly action: string;
  /** The stream the event belongs to, ID and phone numbers masked. */
  readonly streamId: string;
  readonly correlationId: string | null;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  /** The `before` that reads the next, older page; null when this one is the last. */
  readonly nextBefore: string | null;
}
