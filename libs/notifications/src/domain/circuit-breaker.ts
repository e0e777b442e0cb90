export interface BreakerSettings {
  /** Retryable failures in a row that open the circuit. */
  readonly failures: number;
  /** How long an open circuit refuses before letting one trial message through. */
  readonly openMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * A provider that keeps failing is left alone for a while instead of being hammered with every
 * queued message; then one trial decides whether it is back. Time is passed in, so the rule is
 * tested without waiting. Permanent refusals (a bad number) say nothing about the provider's
 * health and are not counted.
 */
export class CircuitBreaker {
  private failuresInRow = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly settings: BreakerSettings) {}

  state(now: number): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return now - this.openedAt >= this.settings.openMs ? 'half-open' : 'open';
  }

  /** Whether a message may go to the provider now; in half-open, only the one trial. */
  allows(now: number): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until a trial may go; 0 when messages may go now. */
  waitMs(now: number): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.openedAt + this.settings.openMs - now);
  }

  succeeded(): void {
    this.failuresInRow = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failed(now: number): void {
    this.failuresInRow++;
    const trialFailed = this.trialInFlight;
    this.trialInFlight = false;
    if (trialFailed || this.failuresInRow >= this.settings.failures) this.openedAt = now;
  }
}
