/** What became of one job, for the worker to tell BullMQ. */
export type Verdict =
  | { readonly kind: 'done'; readonly status: string }
  /** Quiet hours: back to BullMQ's delayed set until then, no attempt spent. */
  | { readonly kind: 'hold'; readonly until: Date }
  /** The provider's circuit is open: the whole queue waits, no attempt spent. */
  | { readonly kind: 'pause'; readonly ms: number }
  /** Worth another attempt after the backoff. */
  | { readonly kind: 'retry'; readonly reason: string }
  /** Settled as failed or rejected; BullMQ must not try again. */
  | { readonly kind: 'fail'; readonly reason: string };

export interface Attempt {
  /** Attempts BullMQ counted before this one. */
  readonly made: number;
  readonly allowed: number;
}
