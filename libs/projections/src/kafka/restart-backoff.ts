/** Waits 1 s, 2 s, 4 s … up to 30 s between restarts, and starts over once a start works. */
export class RestartBackoff {
  private failures = 0;

  next(): number {
    const delay = Math.min(30_000, 1_000 * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 10);
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
