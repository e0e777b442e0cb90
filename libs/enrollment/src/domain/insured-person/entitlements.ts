import type { IsoDate } from '../calendar-date';
import type { Employment, Filing, InsuredPersonState } from './insured-person.state';

/**
 * What settlement asks of a person's stream on a day of treatment. Kept here so the rules of
 * "covered", "qualified" and "filed" have one home and settlement folds the same facts.
 */

/** The resident year that covers the day, if paid: coverage is the whole calendar year. */
export function residentCoverageOn(state: InsuredPersonState, date: IsoDate) {
  return state.residentYears.find((y) => y.year === Number(date.slice(0, 4)) && y.active);
}

/** The employer whose employee insurance covers the day (joined on or before, not yet left). */
export function employmentOn(state: InsuredPersonState, date: IsoDate): Employment | undefined {
  return state.employments.find(
    (e) => e.joinedOn <= date && (e.leftOn === null || date <= e.leftOn),
  );
}

/** Chronic diseases approved for the benefit year of the day: they switch on the outpatient rules. */
export function approvedChronicDiseases(state: InsuredPersonState, date: IsoDate): string[] {
  const year = Number(date.slice(0, 4));
  return state.qualifications
    .filter((q) => q.status === 'approved' && q.year === year)
    .map((q) => q.disease);
}

/** Off-site filings valid on the day, newest first. */
export function filingsInForce(state: InsuredPersonState, date: IsoDate): Filing[] {
  return state.filings
    .filter((f) => f.validFrom <= date && (f.validTo === null || date <= f.validTo))
    .reverse();
}
