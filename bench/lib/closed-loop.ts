/** One call as the client saw it: performance.now() times and the HTTP status. */
export interface CallSample {
  readonly started: number;
  readonly ended: number;
  readonly status: number;
}

export interface LoadRun {
  /** Calls measured: those that ended in [from, to) in a closed loop, due in it in an open one. */
  readonly measured: CallSample[];
  /** Every call answered, warm-up included, by status. */
  readonly statuses: Map<number, number>;
  readonly from: number;
  readonly to: number;
}

/** The measured window of a run: performance.now() times, after a warm-up. */
export function windowAfter(warmupMs: number, measureMs: number): { from: number; to: number } {
  const from = performance.now() + warmupMs;
  return { from, to: from + measureMs };
}

/**
 * `clients` loops, each sending its next call as soon as the last is answered (as clerks at
 * their counters do), until `to`; only calls that end in [from, to) are measured.
 */
export async function closedLoop(
  clients: number,
  { from, to }: { from: number; to: number },
  call: (client: number) => Promise<number>,
): Promise<LoadRun> {
  const measured: CallSample[] = [];
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < to) {
        const started = performance.now();
        const status = await call(client);
        const ended = performance.now();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (ended >= from && ended < to) measured.push({ started, ended, status });
      }
    }),
  );
  return { measured, statuses, from, to };
}

/** The slowest stretch of `stepMs` inside the window: a sustained rate must hold in each. */
export function slowestWindow(
  ends: readonly number[],
  from: number,
  to: number,
  stepMs: number,
): number {
  let slowest = Number.POSITIVE_INFINITY;
  for (let t = from; t + stepMs <= to; t += stepMs) {
    const within = ends.filter((e) => e >= t && e < t + stepMs).length;
    slowest = Math.min(slowest, (within * 1000) / stepMs);
  }
  return slowest;
}
