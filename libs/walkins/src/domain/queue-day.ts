/** China keeps one zone, UTC+8 with no daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai day (YYYY-MM-DD) of an instant: walk-in queues and numbers start daily. */
export function queueDayOf(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** The day before a queue day (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
