import type { IsoDate } from '../calendar-date';
import { EnrollmentRuleBroken } from '../enrollment.errors';
import { employmentOn } from './entitlements';
import {
  latestResidentYear,
  residentYear,
  type InsuredPersonState,
  type PersonRecord,
} from './insured-person.state';

/** The scheme, region and benefit year an application is made under. */
export interface InsuredStanding {
  readonly scheme: 'resident' | 'employee';
  readonly region: string;
  readonly year: number;
}

/**
 * How the person is insured for an application made on `day`. A resident year named by the clerk
 * comes first; otherwise an employee covered that day applies as one, for the year of the day;
 * otherwise the latest resident year. Undefined when the person is insured in neither scheme.
 */
export function insuredStanding(
  state: InsuredPersonState,
  year: number | null,
  day: IsoDate,
): InsuredStanding | undefined {
  const named = year === null ? undefined : residentYear(state, year);
  if (named) return { scheme: 'resident', region: named.region, year: named.year };
  const job = employmentOn(state, day);
  const thisYear = Number(day.slice(0, 4));
  if (job && (year === null || year === thisYear))
    return { scheme: 'employee', region: job.region, year: thisYear };
  const latest = year === null ? latestResidentYear(state) : undefined;
  return latest && { scheme: 'resident', region: latest.region, year: latest.year };
}

/** The person and their standing, or the refusal (422) for someone insured in neither scheme. */
export function requireInsured(
  state: InsuredPersonState,
  year: number | null,
  day: IsoDate,
): { readonly person: PersonRecord; readonly insured: InsuredStanding } {
  const insured = insuredStanding(state, year, day);
  if (!state.person || !insured)
    throw new EnrollmentRuleBroken(
      'not_enrolled',
      `this person is insured here neither as a resident nor as an employee${year === null ? '' : ` for ${year}`}`,
      [{ field: year === null ? 'residentId' : 'year', problem: 'has no enrollment' }],
    );
  return { person: state.person, insured };
}
