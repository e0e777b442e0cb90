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

const NO_DAYS: ReadonlySet<IsoDate> = new Set();
const MAX_WORKING_DAYS = 3660;

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
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
    throw new InvalidDateTime(
      'workingDays',
      `must be a whole number from 0 to ${MAX_WORKING_DAYS}`,
    );
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

/** Whether `now` is past the deadline; both are ISO date-times with an offset. */
export function isBreached(deadline: string, now: string): boolean {
  return instantOf(now, 'now') > instantOf(deadline, 'deadline');
}
