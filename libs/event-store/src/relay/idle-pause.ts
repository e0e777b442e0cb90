/**
 * How long the relay sleeps after `quietPasses` passes in a row found nothing: `idleMs` after
 * the first, doubling up to `idleMaxMs`. While appends come, every pass finds some and the
 * relay keeps its quickest pace; on a quiet log it polls a few times a second instead of fifty.
 * An idle poll is cheap for PostgreSQL but not for a machine whose cores fall idle between
 * polls: each one wakes the relay's thread and a backend (about 6 % of a core, idle, at 20 ms).
 * The first event after a quiet spell waits at most `idleMaxMs` longer.
 */
export function idlePause(quietPasses: number, idleMs: number, idleMaxMs: number): number {
  if (quietPasses <= 0) return 0;
  const doublings = Math.min(quietPasses - 1, 30);
  return Math.max(idleMs, Math.min(idleMaxMs, idleMs * 2 ** doublings));
}
