/**
 * How long a failing event is retried before it is parked. Three short waits ride out a lock
 * timeout or a deadlock victim; an event that still fails after ~1 s is a poison event, and
 * holding its partition any longer would stall every other stream behind it.
 */
export interface RetryPolicy {
  readonly delaysMs: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { delaysMs: [50, 200, 800] };

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
