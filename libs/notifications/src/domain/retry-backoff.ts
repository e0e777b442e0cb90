export interface RetryBackoff {
  /** Delay before the first retry. */
  readonly baseMs: number;
  /** No wait grows past this, however many attempts failed. */
  readonly maxMs: number;
  /** Share of each delay drawn at random (0–1), so retries of one outage do not arrive together. */
  readonly jitter: number;
}

/**
 * Exponential backoff with jitter and a ceiling: base × 2^(n−1), capped, then the jittered share
 * drawn from [1 − jitter, 1] of it. `random` is passed in to keep this deterministic in tests.
 */
export function retryDelayMs(
  failedAttempts: number,
  backoff: RetryBackoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(full * (1 - backoff.jitter * random()));
}
