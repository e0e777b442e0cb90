const MINUTE_MS = 60_000;

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes with the timer: a long run sleeps millions of times on one signal.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });

/**
 * Simulated time against the wall clock. Only the played minutes (opening hours) count:
 * nights and closed days pass at once. At 'max' nothing waits; each station's clock is where
 * its latest arrival is.
 */
export class SimulatedClock {
  private readonly wallStart = Date.now();
  private playedBefore = 0;
  private dayFrom = 0;

  constructor(
    private readonly speedUp: number | 'max',
    private readonly signal?: AbortSignal,
  ) {}

  get isMax(): boolean {
    return this.speedUp === 'max';
  }

  /** A new day is played from `fromMinute`; `playedMinutes` were played before it. */
  startDay(fromMinute: number, playedMinutes: number): void {
    this.dayFrom = fromMinute;
    this.playedBefore = playedMinutes;
  }

  /** Waits until the wall clock reaches the simulated minute of the day being played. */
  async until(minute: number): Promise<void> {
    if (this.speedUp === 'max') return;
    const played = this.playedBefore + (minute - this.dayFrom);
    const due = this.wallStart + (played * MINUTE_MS) / this.speedUp;
    await sleep(due - Date.now(), this.signal);
  }

  /** The simulated minute of the day the wall clock has reached (or `fallback` at 'max'). */
  minuteNow(fallback: number): number {
    if (this.speedUp === 'max') return fallback;
    const played = ((Date.now() - this.wallStart) * this.speedUp) / MINUTE_MS;
    return this.dayFrom + (played - this.playedBefore);
  }

  /** Simulated minutes spent at the counter. */
  async spend(minutes: number): Promise<void> {
    if (this.speedUp === 'max') return;
    await sleep((minutes * MINUTE_MS) / this.speedUp, this.signal);
  }
}
