import type { PolicyWarning } from '@circle/policy';
import type {
  BenefitYearTotals,
  NationalSettlementFields,
  SettlementBreakdown,
  SettlementLine,
} from '../domain';

/** What a quote answers: CONTRACT's national fields, the policy cited and every layer explained. */
export interface SettlementQuote extends NationalSettlementFields {
  readonly policyVersion: string;
  /** Set when the policy used is carried past its own year. */
  readonly policyWarning: PolicyWarning | null;
  readonly lines: readonly SettlementLine[];
  /** The person's benefit year as it would stand after this bill. */
  readonly benefitYear: BenefitYearTotals;
  /** `benefit-year` when the person's year was used; `first-admission` for nobody in particular. */
  readonly basis: 'benefit-year' | 'first-admission';
}

export function quoteOf(
  breakdown: SettlementBreakdown,
  policyWarning: PolicyWarning | null,
  basis: SettlementQuote['basis'],
): SettlementQuote {
  return {
    medfee_sumamt: breakdown.medfee_sumamt,
    inscp_scp_amt: breakdown.inscp_scp_amt,
    act_pay_dedc: breakdown.act_pay_dedc,
    hifp_pay: breakdown.hifp_pay,
    hifmi_pay: breakdown.hifmi_pay,
    hifob_pay: breakdown.hifob_pay,
    maf_pay: breakdown.maf_pay,
    psn_cash_pay: breakdown.psn_cash_pay,
    policyVersion: breakdown.policyVersion,
    policyWarning,
    lines: breakdown.lines,
    benefitYear: breakdown.totalsAfter,
    basis,
  };
}
