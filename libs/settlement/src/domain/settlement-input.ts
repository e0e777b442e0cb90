import type { Policy } from '../../../policy/src/domain';
import type { BenefitYearTotals } from './benefit-year-totals';
import type { Bill, PersonStanding } from './bill';

export interface SettlementInput {
  /** The version in force on `bill.date` for the person's home region. */
  readonly policy: Policy;
  /** That version's pinned id, cited by the breakdown. */
  readonly policyVersion: string;
  readonly bill: Bill;
  readonly standing: PersonStanding;
  /** The benefit year before this bill. */
  readonly totals: BenefitYearTotals;
}
