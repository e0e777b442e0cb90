import { completedYears, isIsoDate, type IsoDate } from './iso-date';
import { applyShare, fen, type Bps, type Fen } from './money';
import { policyVersionId, type Policy } from './policy';
import { ContributionYearNotCovered, InvalidQuoteInput } from './policy.errors';
import { isResidentCategory, type ResidentCategory } from './resident-category';

export interface ContributionRequest {
  readonly year: number;
  readonly category: ResidentCategory;
  readonly birthDate: IsoDate;
  /** The day the age is measured on; 1 January of `year` unless a caller must model otherwise. */
  readonly asOf?: IsoDate;
}

export interface ContributionQuote {
  /** The resident's share of the year's contribution before any waiver. */
  readonly individualFen: Fen;
  /** The public subsidy paid per insured resident, shown so the resident sees the whole price. */
  readonly subsidyFen: Fen;
  /** What the resident pays. */
  readonly payableFen: Fen;
  /** The part of the individual share the government pays for them. */
  readonly waivedFen: Fen;
  readonly policyVersion: string;
}

/**
 * The resident contribution for one benefit year. The waiver is the larger of the category's
 * and the age band's, never their sum: both are grounds for paying the same individual share
 * (seed 000 lists groups, seed 004 ages), and one share cannot be paid twice.
 */
export function quoteContribution(policy: Policy, request: ContributionRequest): ContributionQuote {
  const { year, category, birthDate } = checked(request);
  const yearStart = `${year}-01-01`;
  // Whether a later version supersedes this one by then is the book's to say; a version that
  // had not yet taken effect on 1 January cannot price the year.
  if (yearStart < policy.effectiveFrom)
    throw new ContributionYearNotCovered(policyVersionId(policy), year);
  const rules = policy.contributions;
  // Age on 1 January of the contribution year: the share is collected before the year starts,
  // for the whole year, so one fixed day gives each resident one price however early they pay.
  const age = completedYears(birthDate, request.asOf ?? yearStart);
  const individualFen = rules.individualFen.value;
  const waivedFen = applyShare(individualFen, largestWaiver(policy, category, age));
  return {
    individualFen,
    subsidyFen: rules.subsidyFen.value,
    payableFen: fen(individualFen - waivedFen),
    waivedFen,
    policyVersion: policyVersionId(policy),
  };
}

/** The waiver share that applies to a resident of this category and age. */
export function largestWaiver(policy: Policy, category: ResidentCategory, age: number): Bps {
  const { categoryWaivers, ageWaivers } = policy.contributions;
  const shares = [
    ...categoryWaivers.value.filter((w) => w.category === category).map((w) => w.waiverBps),
    ...ageWaivers.value
      .filter((band) => age >= band.fromAge && (band.toAge === undefined || age <= band.toAge))
      .map((band) => band.waiverBps),
  ];
  return Math.max(0, ...shares) as Bps;
}

function checked(request: ContributionRequest): ContributionRequest {
  if (!Number.isInteger(request.year) || request.year < 1900 || request.year > 9999)
    throw new InvalidQuoteInput('year', 'must be a four-digit year');
  if (!isResidentCategory(request.category))
    throw new InvalidQuoteInput('category', 'must be one of the resident categories');
  if (!isIsoDate(request.birthDate))
    throw new InvalidQuoteInput('birthDate', 'must be a real date written YYYY-MM-DD');
  if (request.birthDate > `${request.year}-12-31`)
    throw new InvalidQuoteInput(
      'birthDate',
      `must not be after the contribution year ${request.year}`,
    );
  if (request.asOf !== undefined && !isIsoDate(request.asOf))
    throw new InvalidQuoteInput('asOf', 'must be a real date written YYYY-MM-DD');
  return request;
}
