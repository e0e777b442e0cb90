import type { PolicyBook, PolicyInForce } from '../../../policy/src/domain/policy-book';
import { InvalidEnrollmentInput } from './enrollment.errors';

const EARLIEST_YEAR = 1990;

/**
 * The region's policy for a benefit year: the version in force on 1 January, since a resident
 * enrols and pays once for the whole year. A year past the last notice on file is priced by that
 * notice, carried forward, and the answer says so. An unknown region is named as `region`
 * (PolicyBook's own error).
 */
export function policyForYear(book: PolicyBook, region: string, year: number): PolicyInForce {
  const [first] = book.versions(region);
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > 9999)
    throw new InvalidEnrollmentInput('year', 'must be a four-digit benefit year');
  const yearStart = `${year}-01-01`;
  if (yearStart < first.effectiveFrom)
    throw new InvalidEnrollmentInput(
      'year',
      `has no ${region} policy in force (the first takes effect on ${first.effectiveFrom})`,
    );
  return book.inForce(region, yearStart);
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
