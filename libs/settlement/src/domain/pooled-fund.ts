import { min, type Bps, type ChronicDisease, type Fen } from '../../../policy/src/domain';
import { emptyBenefitYearTotals, type BenefitYearTotals } from './benefit-year-totals';
import type { SettlementInput } from './settlement-input';
import { capLeft } from './caps-and-shares';

export type PooledLayer = 'basic-fund' | 'chronic-outpatient' | 'outpatient' | 'specific-drug';

/** What a deductible is counted per; `threshold` is the specific drugs' yearly threshold. */
export type DeductibleCount = 'admission' | 'visit' | 'year' | 'threshold';

/** Why a chronic-outpatient bill was settled as general outpatient instead. */
export type ChronicFallback = 'not-qualified' | 'not-covered';

export interface ChronicFallbackReason {
  readonly reason: ChronicFallback;
  /** The disease code on the bill. */
  readonly disease: string;
  /** The policy's name for it, when the policy lists it. */
  readonly name: string | null;
}

/**
 * The first fund layer of a bill (hifp_pay): the deductible the person paid and what the pooled
 * fund of the bill's setting paid above it at its share, within its caps.
 */
export interface PooledFund {
  readonly layer: PooledLayer;
  readonly deductibleFen: Fen;
  readonly deductiblePer: DeductibleCount;
  readonly shareBps: Bps;
  readonly fundFen: Fen;
  readonly capReached: boolean;
  /** Points taken off the share for treatment elsewhere without a filing; 0 otherwise. */
  readonly offsiteReductionBps: Bps;
  /** The chronic disease whose rules applied. */
  readonly disease: ChronicDisease | null;
  readonly fallback: ChronicFallbackReason | null;
  /** What this layer adds to the year: deductibles, fund paid, spending toward thresholds. */
  readonly usage: BenefitYearTotals;
}

export function usageOf(part: Partial<BenefitYearTotals>): BenefitYearTotals {
  return { ...emptyBenefitYearTotals(), ...part };
}

/** The deductible the person pays now: what is still due, never more than the in-scope amount. */
export function deductibleDue(deductible: Fen, alreadyPaid: Fen, inScope: Fen): Fen {
  return min(capLeft(deductible, alreadyPaid), inScope);
}

/**
 * Employees: the basic fund, specific drugs and the large-expense subsidy together stay within
 * the total cap (seed 000: total = basic + large-expense + the rest).
 */
export function employeeTotalLeft({ policy, totals }: SettlementInput): Fen {
  const used = totals.basicFundFen + totals.specificDrugFen + totals.largeExpenseFen;
  return capLeft(policy.employee.totalCapFen.value, used as Fen);
}

/** What the year's basic pooled fund may still pay, by scheme; shared by every setting. */
export function basicFundLeft(input: SettlementInput): Fen {
  const { policy, totals, bill } = input;
  if (bill.scheme === 'resident')
    return capLeft(policy.inpatient.annualBasicCapFen.value, totals.basicFundFen);
  return min(
    capLeft(policy.employee.basicCapFen.value, totals.basicFundFen),
    employeeTotalLeft(input),
  );
}
