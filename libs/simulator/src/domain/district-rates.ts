import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

/**
 * How busy the district is. The treatment figures are seed 000's for January–October 2022;
 * the walk-in items the seed does not count are assumptions, sized to a district of its
 * population, and every figure can be changed.
 */
export interface DistrictRates {
  /** People insured; the simulated population is this many times the scale. */
  readonly insured: number;
  /** The months the counts below were taken over (seed 000: January–October). */
  readonly months: number;
  readonly inpatient: number;
  readonly chronicOutpatient: number;
  readonly outpatient: number;
  readonly assistedInpatient: number;
  readonly assistedOutpatient: number;
  /** Walk-in items per `months`, before the collection season lifts enrollments. */
  readonly walkIns: Readonly<Partial<Record<BusinessCode, number>>>;
  /** Of the inpatient treatments, the share reimbursed at the hall by claim, not at discharge. */
  readonly claimShare: number;
  /** September–December: the next year's contributions are collected; enrollments rise this much. */
  readonly seasonLift: number;
  /** Of the tickets called, those whose holder is gone (a recall, then a no-show) and recalled once. */
  readonly noShowShare: number;
  readonly recallShare: number;
  /** Of the tickets served at a front-line station, those sent on to another item. */
  readonly transferShare: number;
}

export const SEED_RATES: DistrictRates = {
  insured: 91_700,
  months: 10,
  inpatient: 10_930,
  chronicOutpatient: 28_552,
  outpatient: 23_869,
  assistedInpatient: 523,
  assistedOutpatient: 2_845,
  walkIns: {
    ENROLL_RESIDENT: 6_000,
    COVERAGE_ENQUIRY: 12_000,
    CHANGE_INFO: 3_000,
    OFFSITE_FILING: 2_500,
    TRANSFER: 400,
    ASSISTANCE_REIMBURSEMENT: 120,
  },
  claimShare: 0.04,
  seasonLift: 4,
  noShowShare: 0.04,
  recallShare: 0.06,
  transferShare: 0.03,
};

/**
 * Chronic patients see the doctor about once a year each in these figures: 28,552 visits
 * and a fund of 8.63 M yuan is about 300 yuan a visit, which the policy's yearly cap per
 * disease (300 or 500 yuan) allows only once. So a quarter of the insured are chronic
 * patients, about one in five adults with hypertension or diabetes.
 */
export const CHRONIC_SHARE = 0.25;

/** Of the people insured, those in a group medical assistance pays for. */
export const ASSISTED_SHARE = 0.05;

/** Bills as the fund sees them: the mean in-scope amount in fen and how widely bills spread. */
export const BILL_SHAPES = {
  inpatient: { meanInScopeFen: 700_000, sigma: 0.8, inScopeShare: [0.78, 0.92] },
  'chronic-outpatient': { meanInScopeFen: 80_000, sigma: 0.5, inScopeShare: [0.9, 1] },
  outpatient: { meanInScopeFen: 7_500, sigma: 0.7, inScopeShare: [0.85, 0.98] },
} as const;

export type SimulatedSetting = keyof typeof BILL_SHAPES;
