import fc from 'fast-check';
import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000, jitter: 0.5 };

  it('doubles from the base when no jitter is drawn', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, backoff, () => 0))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits past the ceiling', () => {
    expect(retryDelayMs(40, backoff, () => 0)).toBe(60_000);
  });

  it('stays within the jittered band of each step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const full = Math.min(60_000, 1000 * 2 ** (n - 1));
          const delay = retryDelayMs(n, backoff, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.round(full * 0.5));
          expect(delay).toBeLessThanOrEqual(full);
        },
      ),
    );
  });
});
