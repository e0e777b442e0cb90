import type { IsoDate } from './iso-date';
import type { Bps, Fen } from './money';
import type { ResidentCategory } from './resident-category';

/**
 * Where a figure comes from. `seed:000` is the Taibai Lake article, `seed:004` the Zaozhuang
 * Shizhong article; a seed figure may carry a note on how the article was read. Anything the
 * seeds do not give is an `assumption` and must say why that value was chosen.
 */
export type Source =
  | { readonly source: `seed:${string}`; readonly note?: string }
  | { readonly source: 'assumption'; readonly reason: string };

/** One figure of a policy and its source, so every number can be traced. */
export type Figure<T> = { readonly value: T } & Source;

export const INSTITUTION_TIERS = [1, 2, 3] as const;
/** Hospital tier: 1 primary, 2 secondary, 3 tertiary. */
export type InstitutionTier = (typeof INSTITUTION_TIERS)[number];

export interface CategoryWaiver {
  readonly category: ResidentCategory;
  /** The part of the individual contribution the government pays. */
  readonly waiverBps: Bps;
}

/** Ages are whole years on 1 January of the contribution year; `toAge` is inclusive. */
export interface AgeWaiver {
  readonly fromAge: number;
  readonly toAge?: number;
  readonly waiverBps: Bps;
}

export interface ContributionRules {
  readonly individualFen: Figure<Fen>;
  readonly subsidyFen: Figure<Fen>;
  readonly categoryWaivers: Figure<readonly CategoryWaiver[]>;
  readonly ageWaivers: Figure<readonly AgeWaiver[]>;
}

/** A tier's deductible and fund share; each section says what its deductible is counted per. */
export interface TierFigures {
  readonly deductibleFen: Figure<Fen>;
  readonly fundShareBps: Figure<Bps>;
}

/** The deductible is applied per admission. */
export type InpatientTier = TierFigures;

export interface InpatientRules {
  readonly tiers: Readonly<Record<InstitutionTier, InpatientTier>>;
  readonly annualBasicCapFen: Figure<Fen>;
  /** Points taken off the fund share of an admission elsewhere without an off-site filing. */
  readonly unfiledOffsiteShareReductionBps: Figure<Bps>;
}

/** A band of the year's accumulated personal burden; `toFen` is exclusive, absent on the last. */
export interface CriticalIllnessBand {
  readonly fromFen: Fen;
  readonly toFen?: Fen;
  readonly shareBps: Bps;
}

export interface CriticalIllnessRules {
  readonly annualThresholdFen: Figure<Fen>;
  readonly bands: Figure<readonly CriticalIllnessBand[]>;
  readonly annualCapFen: Figure<Fen>;
}

export interface SpecificDrugRules {
  /** The year's specific-drug spending the person pays before the share applies. */
  readonly annualThresholdFen: Figure<Fen>;
  readonly shareBps: Figure<Bps>;
  readonly annualCapFen: Figure<Fen>;
}

export interface ChronicDisease {
  /** Lower-case code used in requests, e.g. `hypertension`. */
  readonly code: string;
  readonly name: string;
  /** Counted once a year per disease, as the qualification is. */
  readonly deductibleFen: Figure<Fen>;
  readonly fundShareBps: Figure<Bps>;
  readonly annualCapFen?: Figure<Fen>;
}

export interface ChronicOutpatientRules {
  readonly diseases: readonly ChronicDisease[];
}

export const DEDUCTIBLE_PERIODS = ['visit', 'year'] as const;
/** Whether an outpatient deductible is paid at every visit or once a year. */
export type DeductiblePeriod = (typeof DEDUCTIBLE_PERIODS)[number];

/** General outpatient pooling (门诊统筹) of one scheme. */
export interface OutpatientSchemeRules {
  readonly tiers: Readonly<Record<InstitutionTier, TierFigures>>;
  readonly deductiblePer: Figure<DeductiblePeriod>;
  readonly annualCapFen: Figure<Fen>;
}

export interface OutpatientRules {
  readonly resident: OutpatientSchemeRules;
  readonly employee: OutpatientSchemeRules;
}

export interface AssistanceShare {
  readonly category: ResidentCategory;
  readonly shareBps: Bps;
}

export interface AssistanceRules {
  readonly eligibleCategories: Figure<readonly ResidentCategory[]>;
  /** One share per eligible category, of the in-scope amount still self-paid. */
  readonly categoryShares: Figure<readonly AssistanceShare[]>;
  readonly annualCapFen: Figure<Fen>;
}

export interface EmployeeRules {
  /** Employee inpatient figures; the deductible is applied per admission. */
  readonly tiers: Readonly<Record<InstitutionTier, TierFigures>>;
  readonly basicCapFen: Figure<Fen>;
  /** The year's in-scope personal burden above which the large-expense subsidy pays. */
  readonly largeExpenseThresholdFen: Figure<Fen>;
  readonly largeExpenseShareBps: Figure<Bps>;
  readonly largeExpenseCapFen: Figure<Fen>;
  readonly totalCapFen: Figure<Fen>;
}

/** Time limits of the business items that have one, in working days. */
export interface ServiceLimits {
  readonly chronicQualificationWorkingDays: Figure<number>;
  readonly transferWorkingDays: Figure<number>;
  readonly manualReimbursementWorkingDays: Figure<number>;
}

/** A region's policy for one period; `effectiveTo` is inclusive, absent while open-ended. */
export interface Policy {
  readonly region: string;
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate;
  readonly currency: 'CNY';
  readonly notes: readonly string[];
  readonly contributions: ContributionRules;
  readonly inpatient: InpatientRules;
  readonly criticalIllness: CriticalIllnessRules;
  readonly specificDrugs: SpecificDrugRules;
  readonly chronicOutpatient: ChronicOutpatientRules;
  readonly outpatient: OutpatientRules;
  readonly assistance: AssistanceRules;
  readonly employee: EmployeeRules;
  readonly sla: ServiceLimits;
}

/** How a settlement or quote cites the policy it used: `taibai-lake@2022`. */
export function policyVersionId(policy: Pick<Policy, 'region' | 'version'>): string {
  return `${policy.region}@${policy.version}`;
}

/** Whether `date` falls in the policy's period. */
export function isInForce(
  policy: Pick<Policy, 'effectiveFrom' | 'effectiveTo'>,
  date: IsoDate,
): boolean {
  return (
    date >= policy.effectiveFrom && (policy.effectiveTo === undefined || date <= policy.effectiveTo)
  );
}
