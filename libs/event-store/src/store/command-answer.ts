/** What a command answered, kept so a repeat with the same Idempotency-Key gets it again. */
export interface CommandAnswer<Body = unknown> {
  readonly status: number;
  readonly body: Body;
}

/** Identifies one request: `scope` keeps one caller's keys apart from another's. */
export interface IdempotencyKey {
  readonly scope: string;
  readonly key: string;
  /** A hash of the request (see requestFingerprint), to tell a repeat from a reuse. */
  readonly fingerprint: string;
}

export interface IdempotentOutcome<Body = unknown> {
  readonly answer: CommandAnswer<Body>;
  /** True when this is a repeat and the stored answer was returned without running anything. */
  readonly replayed: boolean;
}
