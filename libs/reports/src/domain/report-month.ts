import { invalid } from '@circle/kernel';

/** China keeps one zone, UTC+8 with no daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai month (YYYY-MM) of an instant: a month's report counts by local time. */
export function monthOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** A month asked for in a query, as a 422 naming `month` when it is not YYYY-MM. */
export function reportMonth(raw: string | undefined): string {
  if (raw === undefined || raw === '') throw invalid('month', 'is required, as YYYY-MM');
  const match = /^(\d{4})-(\d{2})$/.exec(raw);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw invalid('month', 'must be a month as YYYY-MM');
  return raw;
}
