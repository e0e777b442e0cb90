/**
 * Hours in which routine messages wait for the morning, read on the Asia/Shanghai clock.
 * China keeps UTC+8 all year without daylight saving, so a fixed offset is exact.
 */
export interface QuietHours {
  /** Minutes after local midnight. A window may wrap midnight (22:00–08:00). */
  readonly startMinute: number;
  readonly endMinute: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOf(clock: string): number | undefined {
  const match = CLOCK.exec(clock.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `22:00-08:00` → the window; `off` or empty → none; anything else → undefined (invalid). */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  const value = text.trim();
  if (value === '' || value === 'off') return null;
  const [start, end, extra] = value.split('-');
  if (start === undefined || end === undefined || extra !== undefined) return undefined;
  const startMinute = minuteOf(start);
  const endMinute = minuteOf(end);
  if (startMinute === undefined || endMinute === undefined || startMinute === endMinute)
    return undefined;
  return { startMinute, endMinute };
}

/** When a routine message written at `at` may go: `at` itself outside the window, else its end. */
export function releaseTime(window: QuietHours | null, at: Date): Date {
  if (!window) return at;
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  const minute = Math.floor((local % DAY_MS) / 60_000);
  const { startMinute: start, endMinute: end } = window;
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return at;
  let release = local - (local % DAY_MS) + end * 60_000;
  if (release <= local) release += DAY_MS;
  return new Date(release - SHANGHAI_OFFSET_MS);
}
