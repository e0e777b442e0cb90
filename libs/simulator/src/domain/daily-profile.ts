/**
 * When people come in a working day, 08:00–17:00 Asia/Shanghai: a morning peak, a lunch
 * lull, a smaller afternoon peak. Weights per hour, the hour's start as the key.
 */
export const DAY_OPENS_HOUR = 8;
export const DAY_CLOSES_HOUR = 17;

export const HOURLY_WEIGHTS: readonly number[] = [0.9, 1.5, 1.4, 1.0, 0.4, 0.7, 1.2, 1.1, 0.8];

const TOTAL = HOURLY_WEIGHTS.reduce((a, b) => a + b, 0);

/** The share of a day's arrivals between two minutes of the day (minutes since midnight). */
export function shareOfDay(fromMinute: number, toMinute: number): number {
  let share = 0;
  for (let h = 0; h < HOURLY_WEIGHTS.length; h++) {
    const start = (DAY_OPENS_HOUR + h) * 60;
    const overlap = Math.min(toMinute, start + 60) - Math.max(fromMinute, start);
    if (overlap > 0) share += ((HOURLY_WEIGHTS[h] ?? 0) / TOTAL) * (overlap / 60);
  }
  return share;
}

/** A minute of the day in [fromMinute, toMinute) drawn by the profile, from a uniform `u`. */
export function minuteOfDay(u: number, fromMinute: number, toMinute: number): number {
  const within = shareOfDay(fromMinute, toMinute);
  let target = u * within;
  for (let h = 0; h < HOURLY_WEIGHTS.length; h++) {
    const start = Math.max((DAY_OPENS_HOUR + h) * 60, fromMinute);
    const end = Math.min((DAY_OPENS_HOUR + h + 1) * 60, toMinute);
    if (end <= start) continue;
    const part = shareOfDay(start, end);
    if (target < part) return start + (target / part) * (end - start);
    target -= part;
  }
  return toMinute - 1e-6;
}
