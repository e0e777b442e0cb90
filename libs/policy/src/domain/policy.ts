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

export const DAY_COUNTS = ['working-days', 'calendar-days'] as const;
/** How a time limit counts its days: a notice says "180 days" or "15 working days". */
export type DayCount = (typeof DAY_COUNTS)[number];

export interface TimeLimit {
  readonly days: number;
  readonly unit: DayCount;
}

/** Time limits of the business items that have one. */
export interface ServiceLimits {
  readonly chronicQualification: Figure<TimeLimit>;
  readonly transfer: Figure<TimeLimit>;
  readonly manualReimbursement: Figure<TimeLimit>;
}

export const OFFSITE_FILING_TYPES = [
  'relocated',
  'long-term-elsewhere',
  'referral',
  'temporary',
] as const;
/** 异地安置, 异地长期居住, 转诊转院, 临时外出就医. */
export type OffsiteFilingType = (typeof OFFSITE_FILING_TYPES)[number];

export const DESTINATION_SCOPES = ['in-province', 'out-of-province'] as const;
/** Where off-site treatment is sought, seen from the insured person's province. */
export type DestinationScope = (typeof DESTINATION_SCOPES)[number];

/** The filing types a region still asks for before treatment elsewhere, by destination. */
export interface OffsiteFilingRules {
  readonly inProvince: Figure<readonly OffsiteFilingType[]>;
  readonly outOfProvince: Figure<readonly OffsiteFilingType[]>;
}

/**
 * One notice of a region's policy. It stays in force from `effectiveFrom` until a later version
 * of the region takes effect, as real notices do; `periodEnd` is the last day of the period the
 * notice names (its own year), after which it is only carried forward.
 */
export interface Policy {
  readonly region: string;
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  /** Where the file's `effectiveFrom` comes from. */
  readonly effectiveFromSource: Source;
  readonly periodEnd?: IsoDate;
  /** First 12 hex digits of the SHA-256 of the file's canonical JSON: what a version id pins. */
  readonly contentHash: string;
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
  readonly offsiteFiling: OffsiteFilingRules;
}

/**
 * How a settlement or quote cites the policy it used: `taibai-lake@2022#3f9a0c1d2b4e`. The hash
 * pins the content, so an edited file can never change what a past record cites.
 */
export function policyVersionId(
  policy: Pick<Policy, 'region' | 'version' | 'contentHash'>,
): string {
  return `${policy.region}@${policy.version}#${policy.contentHash}`;
}

export interface PolicyVersionParts {
  readonly region: string;
  readonly version: string;
  /** Absent in citations written before versions were pinned (`taibai-lake@2022`). */
  readonly contentHash?: string;
}

const VERSION_ID = /^([a-z][a-z0-9-]*)@([^#@]+)(?:#([0-9a-f]{12}))?$/;

/** The parts of a cited version id, or undefined when it is not one. */
export function parsePolicyVersionId(id: string): PolicyVersionParts | undefined {
  const match = VERSION_ID.exec(id);
  if (!match) return undefined;
  const [, region, version, contentHash] = match;
  return contentHash === undefined ? { region, version } : { region, version, contentHash };
}

/** Whether the policy still asks for this filing before treatment at such a destination. */
export function isFilingAsked(
  policy: Pick<Policy, 'offsiteFiling'>,
  filingType: OffsiteFilingType,
  destination: DestinationScope,
): boolean {
  const rules = policy.offsiteFiling;
  const asked = destination === 'in-province' ? rules.inProvince : rules.outOfProvince;
  return asked.value.includes(filingType);
}
