import type { CallSample, LoadRun } from './closed-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Exponential gaps: arrivals independent of each other, as walk-ins are. */
const gap = (rate: number) => (-Math.log(1 - Math.random()) * 1000) / rate;

/**
 * Calls offered at `rate` a second with random (Poisson) gaps, each sent at its time whether or
 * not earlier ones were answered, until `to`. Unlike a closed loop, a slow answer does not hold
 * back the calls behind it, so the latencies are those of the load offered, not of a queue the
 * clients themselves build. Each call's time runs from when it was due, not from when the
 * client got round to sending it: lateness on this side counts against the server, never for
 * it. Only calls due in [from, to) are measured.
 */
export async function openLoop(
  rate: number,
  { from, to }: { from: number; to: number },
  call: () => Promise<number>,
): Promise<LoadRun> {
  const measured: CallSample[] = [];
  const statuses = new Map<number, number>();
  const inFlight: Promise<void>[] = [];
  const send = (started: number) =>
    call().then((status) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (started >= from && started < to)
        measured.push({ started, ended: performance.now(), status });
    });
  let due = performance.now();
  while (due < to) {
    // A timer wakes a millisecond or so late: every call due by then goes at once.
    for (const now = performance.now(); due <= now && due < to; due += gap(rate))
      inFlight.push(send(due));
    await sleep(due - performance.now());
  }
  await Promise.all(inFlight);
  return { measured, statuses, from, to };
}
