import type { StationKind } from './business-catalog';

/** One run of days with the same hours; days are ISO weekdays, 1 Monday … 7 Sunday. */
export interface OpeningPeriod {
  readonly days: readonly number[];
  readonly opens: string;
  readonly closes: string;
}

export type OpeningHours = readonly OpeningPeriod[];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

// Synthetic defaults, as the coordinates are: service halls keep office hours, hospital
// stations follow the wards' discharge rounds and open every day.
const DEFAULT_HOURS: Record<StationKind, OpeningHours> = {
  hall: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
  township: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
  village: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:30' }],
  hospital: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '17:30' }],
};

export function defaultOpeningHours(kind: StationKind): OpeningHours {
  return DEFAULT_HOURS[kind];
}

/** The problem with a set of opening hours, or undefined when they can be used. */
export function openingHoursProblem(hours: OpeningHours): string | undefined {
  for (const period of hours) {
    if (period.days.length === 0) return 'every period needs at least one day';
    if (period.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      return 'days are ISO weekdays from 1 (Monday) to 7 (Sunday)';
    if (!CLOCK.test(period.opens) || !CLOCK.test(period.closes))
      return 'opens and closes are written HH:MM';
    if (period.opens >= period.closes)
      return `a period opening at ${period.opens} must close later`;
  }
  return undefined;
}

/** Whether a station is open at a Shanghai weekday and HH:MM clock time. */
export function isOpenAt(hours: OpeningHours, weekday: number, clock: string): boolean {
  return hours.some((p) => p.days.includes(weekday) && p.opens <= clock && clock < p.closes);
}
