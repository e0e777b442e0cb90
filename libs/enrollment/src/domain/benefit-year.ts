import { isInForce, type Policy } from '../../../policy/src/domain/policy';
import type { PolicyBook } from '../../../policy/src/domain/policy-book';
import { InvalidEnrollmentInput } from './enrollment.errors';

const EARLIEST_YEAR = 1990;

/**
 * The region's policy for a benefit year: the version in force on 1 January, which must also
 * cover the whole year, since a resident enrols and pays once for all of it. An unknown region
 * is named as `region` (PolicyBook's own error).
 */
export function policyForYear(book: PolicyBook, region: string, year: number): Policy {
  const versions = book.versions(region);
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > 9999)
    throw new InvalidEnrollmentInput('year', 'must be a four-digit benefit year');
  const policy = versions.find((v) => isInForce(v, `${year}-01-01`));
  if (!policy)
    throw new InvalidEnrollmentInput(
      'year',
      `has no ${region} policy in force (policies cover ${versions.map((v) => v.version).join(', ')})`,
    );
  return policy;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
