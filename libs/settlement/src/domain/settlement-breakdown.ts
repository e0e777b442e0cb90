import type { Fen } from '../../../policy/src/domain';
import type { BenefitYearTotals } from './benefit-year-totals';

/**
 * The national medical-insurance platform's settlement output fields, integer fen. They add
 * up exactly: medfee_sumamt = hifp_pay + hifmi_pay + hifob_pay + maf_pay + psn_cash_pay.
 */
export interface NationalSettlementFields {
  /** Total medical cost (医疗费总额). */
  readonly medfee_sumamt: Fen;
  /** In-scope amount (符合政策范围金额). */
  readonly inscp_scp_amt: Fen;
  /** Deductible actually paid in this settlement (实际支付起付线). */
  readonly act_pay_dedc: Fen;
  /** Basic pooled fund (基本医疗保险统筹基金支出), specific-drug fund included. */
  readonly hifp_pay: Fen;
  /** Resident critical-illness insurance (居民大病保险资金支出). */
  readonly hifmi_pay: Fen;
  /** Employee large-expense subsidy (职工大额医疗费用补助基金支出). */
  readonly hifob_pay: Fen;
  /** Medical assistance (医疗救助基金支出). */
  readonly maf_pay: Fen;
  /** What the person pays (个人现金支出). */
  readonly psn_cash_pay: Fen;
}

export type SettlementLayer =
  | 'out-of-scope'
  | 'deductible'
  | 'basic-fund'
  | 'chronic-outpatient'
  | 'outpatient'
  | 'specific-drug'
  | 'critical-illness'
  | 'large-expense'
  | 'assistance'
  | 'personal';

/** One layer explained in words a resident understands. */
export interface SettlementLine {
  readonly layer: SettlementLayer;
  readonly amountFen: Fen;
  /** Who pays this line: a fund, or the person. */
  readonly paidBy: 'fund' | 'person';
  readonly zh: string;
  readonly en: string;
}

export interface SettlementBreakdown extends NationalSettlementFields {
  /** The policy version id the figures came from (pins its content). */
  readonly policyVersion: string;
  readonly lines: readonly SettlementLine[];
  /** What this settlement adds to the benefit year; a reversal subtracts exactly this. */
  readonly usage: BenefitYearTotals;
  /** The benefit year after this settlement. */
  readonly totalsAfter: BenefitYearTotals;
}
