import type { TimeLimit } from '../../../policy/src/domain/policy';
import {
  addDays,
  endOfShanghaiDay,
  instantOf,
  isIsoDate,
  isoWeekday,
  shanghaiDateOf,
  InvalidDateTime,
  type IsoDate,
} from './calendar-date';
import type { HolidayCalendar } from './holiday-calendar';

const NO_DAYS: ReadonlySet<IsoDate> = new Set();
const MAX_DAYS = 3660;

/**
 * A working day in Asia/Shanghai: Monday to Friday unless a listed holiday, plus the weekend
 * days the State Council's yearly holiday notice declares working days (调休).
 */
export function isWorkingDay(
  date: IsoDate,
  holidays: ReadonlySet<IsoDate>,
  makeUpWorkdays: ReadonlySet<IsoDate> = NO_DAYS,
): boolean {
  if (holidays.has(date)) return false;
  return makeUpWorkdays.has(date) || isoWeekday(date) <= 5;
}

/**
 * The deadline of a time limit of `n` working days for something received at
 * `startIsoDateTime`: the end (24:00, Asia/Shanghai) of the n-th working day after the day of
 * receipt. The day of receipt never counts (Civil Code art. 201: a period starts the next day),
 * and limits count working days only (Administrative Licensing Law art. 82). n = 0 means the
 * same day, for items handled on the spot.
 */
export function addWorkingDays(
  startIsoDateTime: string,
  n: number,
  holidays: ReadonlySet<IsoDate>,
  makeUpWorkdays: ReadonlySet<IsoDate> = NO_DAYS,
): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS)
    throw new InvalidDateTime('workingDays', `must be a whole number from 0 to ${MAX_DAYS}`);
  for (const day of [...holidays, ...makeUpWorkdays])
    if (!isIsoDate(day))
      throw new InvalidDateTime('holidays', `${day} is not a date written YYYY-MM-DD`);
  let day = shanghaiDateOf(startIsoDateTime, 'start');
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays, makeUpWorkdays)) counted += 1;
  }
  return endOfShanghaiDay(day);
}

/**
 * The deadline of `n` calendar days for something received at `startIsoDateTime`: the end of the
 * n-th day after the day of receipt (Civil Code art. 201). A last day that is a day off moves to
 * the next working day (art. 203), since nobody at a counter can answer on it. n = 0 means the
 * same day, as for working days.
 */
export function addCalendarDays(
  startIsoDateTime: string,
  n: number,
  holidays: ReadonlySet<IsoDate>,
  makeUpWorkdays: ReadonlySet<IsoDate> = NO_DAYS,
): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS)
    throw new InvalidDateTime('calendarDays', `must be a whole number from 0 to ${MAX_DAYS}`);
  let day = addDays(shanghaiDateOf(startIsoDateTime, 'start'), n);
  while (n > 0 && !isWorkingDay(day, holidays, makeUpWorkdays)) day = addDays(day, 1);
  return endOfShanghaiDay(day);
}

/** The deadline of a policy's time limit, its days counted as the notice counts them. */
export function deadlineOf(
  startIsoDateTime: string,
  limit: TimeLimit,
  calendar: HolidayCalendar,
): string {
  const { holidays, makeUpWorkdays } = calendar;
  return limit.unit === 'working-days'
    ? addWorkingDays(startIsoDateTime, limit.days, holidays, makeUpWorkdays)
    : addCalendarDays(startIsoDateTime, limit.days, holidays, makeUpWorkdays);
}

/** Whether `now` is past the deadline; both are ISO date-times with an offset. */
export function isBreached(deadline: string, now: string): boolean {
  return instantOf(now, 'now') > instantOf(deadline, 'deadline');
}
