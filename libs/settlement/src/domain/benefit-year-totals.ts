import { ZERO_FEN, type Fen } from '../../../policy/src/domain';
import { TotalsWouldGoNegative } from './benefit-year.errors';

/**
 * What one insured person has used of one benefit year, in fen: every annual cap and
 * threshold is measured against these. Built only by folding the benefit year's events.
 */
export interface BenefitYearTotals {
  /** Deductibles the person actually paid. */
  readonly deductiblesFen: Fen;
  /** Basic pooled fund (hifp_pay), all settings but specific drugs. */
  readonly basicFundFen: Fen;
  /** Resident critical-illness insurance (hifmi_pay). */
  readonly criticalIllnessFen: Fen;
  /** Employee large-expense subsidy (hifob_pay). */
  readonly largeExpenseFen: Fen;
  /** Medical assistance (maf_pay). */
  readonly assistanceFen: Fen;
  /** Specific-drug fund. */
  readonly specificDrugFen: Fen;
  /** Specific-drug spending counted toward the year's specific-drug threshold. */
  readonly specificDrugSpendFen: Fen;
  /** Chronic outpatient fund paid, per disease code, for per-disease caps. */
  readonly chronicOutpatientFen: Readonly<Record<string, Fen>>;
  /**
   * Deductibles counted once a year, by what they are for: `outpatient` (general outpatient)
   * and `chronic:<disease code>`; a deductible already paid this year is not asked again.
   */
  readonly yearlyDeductiblesFen: Readonly<Record<string, Fen>>;
  /** General outpatient pooled fund paid, for its annual cap. */
  readonly outpatientFen: Fen;
  /** In-scope amounts the person bore (deductible and own share): the critical-illness base. */
  readonly inScopePersonalBurdenFen: Fen;
  /** Inpatient admissions settled and not reversed. */
  readonly admissions: number;
}

type AmountKey = {
  [K in keyof BenefitYearTotals]: BenefitYearTotals[K] extends Fen ? K : never;
}[keyof BenefitYearTotals];

type PerCodeKey = 'chronicOutpatientFen' | 'yearlyDeductiblesFen';

const AMOUNT_KEYS: readonly AmountKey[] = [
  'deductiblesFen',
  'basicFundFen',
  'criticalIllnessFen',
  'largeExpenseFen',
  'assistanceFen',
  'specificDrugFen',
  'specificDrugSpendFen',
  'outpatientFen',
  'inScopePersonalBurdenFen',
];

const PER_CODE_KEYS: readonly PerCodeKey[] = ['chronicOutpatientFen', 'yearlyDeductiblesFen'];

/** A benefit year nobody has used yet: the state before its first settlement. */
export function emptyBenefitYearTotals(): BenefitYearTotals {
  return {
    deductiblesFen: ZERO_FEN,
    basicFundFen: ZERO_FEN,
    criticalIllnessFen: ZERO_FEN,
    largeExpenseFen: ZERO_FEN,
    assistanceFen: ZERO_FEN,
    specificDrugFen: ZERO_FEN,
    specificDrugSpendFen: ZERO_FEN,
    chronicOutpatientFen: {},
    yearlyDeductiblesFen: {},
    outpatientFen: ZERO_FEN,
    inScopePersonalBurdenFen: ZERO_FEN,
    admissions: 0,
  };
}

/** `a` plus `b`, field by field: a settlement's usage added to the year. */
export function addTotals(a: BenefitYearTotals, b: BenefitYearTotals): BenefitYearTotals {
  return combine(a, b, (x, y) => x + y);
}

/**
 * `a` less `b`, field by field: the exact inverse of `addTotals`, so a reversal gives back
 * precisely what its settlement used. Taking back more than was used means the year's events
 * disagree with each other, which is refused rather than floored at zero.
 */
export function subtractTotals(a: BenefitYearTotals, b: BenefitYearTotals): BenefitYearTotals {
  return combine(a, b, (x, y, field) => {
    if (y > x) throw new TotalsWouldGoNegative(field, x, y);
    return x - y;
  });
}

type Combine = (x: number, y: number, field: string) => number;

function combine(a: BenefitYearTotals, b: BenefitYearTotals, op: Combine): BenefitYearTotals {
  const result: Record<string, unknown> = {};
  for (const key of AMOUNT_KEYS) result[key] = op(a[key], b[key], key);
  for (const key of PER_CODE_KEYS) result[key] = combineCodes(a[key], b[key], op, key);
  result.admissions = op(a.admissions, b.admissions, 'admissions');
  return result as unknown as BenefitYearTotals;
}

// A code whose amount comes to zero is left out, so adding then subtracting a usage gives back
// the very same record rather than one with a stray zero entry.
function combineCodes(
  a: Readonly<Record<string, Fen>>,
  b: Readonly<Record<string, Fen>>,
  op: Combine,
  field: string,
): Readonly<Record<string, Fen>> {
  const result: Record<string, Fen> = {};
  for (const code of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const amount = op(a[code] ?? 0, b[code] ?? 0, `${field}.${code}`);
    if (amount !== 0) result[code] = amount as Fen;
  }
  return result;
}
