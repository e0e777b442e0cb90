import type { PolicyBook, PolicyWarning } from '../../../../policy/src/domain/policy-book';
import { isBreached } from '../working-days';
import type {
  Employment,
  Filing,
  InsuredPersonState,
  Qualification,
  ResidentYear,
  Transfer,
} from './insured-person.state';
import { qualificationWithWarning, yearWithWarning } from './policy-warnings';

export type CoverageStatus = 'active' | 'awaiting-payment' | 'not-enrolled';

export interface YearCoverage {
  readonly year: number;
  readonly scheme: 'resident';
  readonly region: string;
  readonly category: string;
  readonly status: CoverageStatus;
  readonly paid: boolean;
  readonly payableFen: number;
  readonly paidFen: number;
  readonly outstandingFen: number;
  readonly individualFen: number;
  readonly subsidyFen: number;
  readonly waivedFen: number;
  readonly policyVersion: string;
  /** Set when the year is priced by a version carried past its own period. */
  readonly policyWarning: PolicyWarning | null;
  readonly receipts: readonly string[];
}

/** The coverage enquiry (参保查询): what a clerk reads out or prints as a certificate. */
export interface CoverageView {
  readonly residentId: string;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly category: string;
  readonly region: string;
  /** The year asked for, or the latest enrolled. */
  readonly year: number | null;
  readonly scheme: 'resident' | 'employee' | null;
  readonly status: CoverageStatus;
  readonly paid: boolean;
  readonly coverage: YearCoverage | null;
  readonly years: readonly YearCoverage[];
  readonly employment: Employment | null;
  readonly qualifications: readonly (Qualification & {
    readonly overdue: boolean;
    readonly policyWarning: PolicyWarning | null;
  })[];
  readonly filings: readonly Filing[];
  readonly transfers: readonly Transfer[];
}

function yearCoverage(y: ResidentYear, policies: PolicyBook): YearCoverage {
  const outstandingFen = Math.max(0, y.payableFen - y.paidFen);
  const { policyWarning } = yearWithWarning(policies, y);
  return {
    year: y.year,
    scheme: 'resident',
    region: y.region,
    category: y.category,
    status: y.active ? 'active' : 'awaiting-payment',
    paid: y.active,
    payableFen: y.payableFen,
    paidFen: y.paidFen,
    outstandingFen,
    individualFen: y.individualFen,
    subsidyFen: y.subsidyFen,
    waivedFen: y.waivedFen,
    policyVersion: y.policyVersion,
    policyWarning,
    receipts: y.receipts,
  };
}

/** Undefined when the person is not on record at all. */
export function coverageOf(
  state: InsuredPersonState,
  year: number | null,
  now: string,
  policies: PolicyBook,
): CoverageView | undefined {
  const person = state.person;
  if (!person) return undefined;
  const years = [...state.residentYears]
    .sort((a, b) => b.year - a.year)
    .map((y) => yearCoverage(y, policies));
  const chosen = year === null ? years[0] : years.find((y) => y.year === year);
  const employment = state.employments.find((e) => e.leftOn === null) ?? null;
  const scheme = chosen ? 'resident' : employment ? 'employee' : null;
  const status: CoverageStatus = chosen ? chosen.status : employment ? 'active' : 'not-enrolled';
  return {
    residentId: person.residentId,
    name: person.name,
    birthDate: person.birthDate,
    sex: person.sex,
    category: person.category,
    region: chosen?.region ?? person.region,
    year: chosen?.year ?? year,
    scheme,
    status,
    paid: chosen?.paid ?? false,
    coverage: chosen ?? null,
    years,
    employment,
    qualifications: state.qualifications
      .filter((q) => chosen === undefined || q.year === chosen.year)
      .map((q) => ({
        ...qualificationWithWarning(policies, q),
        overdue: q.status === 'pending' && isBreached(q.deadline, now),
      })),
    filings: state.filings,
    transfers: state.transfers,
  };
}
