import { parsePolicyVersionId } from '../../../../policy/src/domain/policy';
import {
  carriedForwardWarning,
  type PolicyBook,
  type PolicyWarning,
} from '../../../../policy/src/domain/policy-book';
import { shanghaiDateOf, type IsoDate } from '../calendar-date';
import { insuredStanding } from './insured-standing';
import type {
  Filing,
  InsuredPersonState,
  Qualification,
  ResidentYear,
  Transfer,
} from './insured-person.state';

/** An answer that used a policy says whether that version was carried past its own period. */
export type WithPolicyWarning<T> = T & { readonly policyWarning: PolicyWarning | null };

/**
 * The warning of a version a record cites, on the day it was applied. The version is found by
 * name, not by hash: a warning is about the period, and a file edited since must not turn a
 * read of an old record into an error.
 */
export function citedPolicyWarning(
  book: PolicyBook,
  policyVersion: string,
  day: IsoDate,
): PolicyWarning | null {
  const cited = parsePolicyVersionId(policyVersion);
  if (!cited || !book.regions().includes(cited.region)) return null;
  const policy = book.versions(cited.region).find((v) => v.version === cited.version);
  return policy ? carriedForwardWarning(policy, day, policyVersion) : null;
}

/** The warning of the version in force for a region on a day, for records that cite none. */
function warningOn(book: PolicyBook, region: string | undefined, day: IsoDate) {
  if (region === undefined || !book.regions().includes(region)) return null;
  if (book.versions(region)[0].effectiveFrom > day) return null;
  return book.inForce(region, day).warning;
}

export function yearWithWarning<T extends Pick<ResidentYear, 'year' | 'policyVersion'>>(
  book: PolicyBook,
  year: T,
): WithPolicyWarning<T> {
  return {
    ...year,
    policyWarning: citedPolicyWarning(book, year.policyVersion, `${year.year}-01-01`),
  };
}

export function qualificationWithWarning<T extends Qualification>(
  book: PolicyBook,
  qualification: T,
): WithPolicyWarning<T> {
  const day = shanghaiDateOf(qualification.appliedAt);
  return {
    ...qualification,
    policyWarning: citedPolicyWarning(book, qualification.policyVersion, day),
  };
}

/** A transfer's clock ran on the policy of this side of it on the day it was requested. */
export function transferWithWarning(
  book: PolicyBook,
  transfer: Transfer,
): WithPolicyWarning<Transfer> {
  const ours = transfer.direction === 'out' ? transfer.fromRegion : transfer.toRegion;
  const day = shanghaiDateOf(transfer.requestedAt);
  return { ...transfer, policyWarning: warningOn(book, ours, day) };
}

/** A filing was checked against the policy of the person's region on the filing day. */
export function filingWithWarning(
  book: PolicyBook,
  state: InsuredPersonState,
  filing: Filing,
): WithPolicyWarning<Filing> {
  const day = shanghaiDateOf(filing.filedAt);
  const region = insuredStanding(state, null, day)?.region;
  return { ...filing, policyWarning: warningOn(book, region, day) };
}
