import { DomainError } from '@circle/kernel';

/** A calendar day written YYYY-MM-DD; in this product always a day in Asia/Shanghai. */
export type IsoDate = string;

/** China keeps one zone, UTC+8, with no daylight saving since 1991, so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

export class InvalidDateTime extends DomainError {
  constructor(field: string, problem: string) {
    super('invalid', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** The instant of an ISO 8601 date-time. An offset (or Z) is required: local time is ambiguous. */
export function instantOf(isoDateTime: string, field = 'dateTime'): number {
  const m = DATE_TIME.exec(isoDateTime);
  if (!m)
    throw new InvalidDateTime(
      field,
      'must be an ISO 8601 date-time with an offset, e.g. 2022-06-01T09:30:00+08:00',
    );
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? 0);
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59)
    throw new InvalidDateTime(field, `${isoDateTime} is not a real date and time`);
  const offsetMs =
    m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60_000;
  const millis = Number((m[7] ?? '').padEnd(3, '0'));
  // Date.UTC reads years 0-99 as 1900-1999; setting the year afterwards keeps it as written.
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  return utc.setUTCFullYear(year) - offsetMs;
}

/** The Asia/Shanghai calendar day an instant falls on. */
export function shanghaiDateOf(isoDateTime: string, field?: string): IsoDate {
  return new Date(instantOf(isoDateTime, field) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last moment of a Shanghai day (Civil Code art. 203: a period's last day ends at 24:00). */
export function endOfShanghaiDay(date: IsoDate): string {
  return `${date}T23:59:59.999+08:00`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 Monday … 7 Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
