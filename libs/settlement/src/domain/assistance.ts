import { applyShare, min, type Bps, type Fen } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { capLeft } from './caps-and-shares';

/** Medical assistance (maf_pay) for the categories the policy names, after every fund layer. */
export interface AssistanceLayer {
  readonly fundFen: Fen;
  readonly shareBps: Bps;
  /** The in-scope amount still self-paid that the share was taken of. */
  readonly baseFen: Fen;
  readonly capReached: boolean;
}

export function assistance(input: SettlementInput, stillSelfPaidFen: Fen): AssistanceLayer | null {
  const { policy, bill, totals } = input;
  const rules = policy.assistance;
  if (!rules.eligibleCategories.value.includes(bill.insuredCategory)) return null;
  const share = rules.categoryShares.value.find((s) => s.category === bill.insuredCategory);
  if (!share) return null;
  const full = applyShare(stillSelfPaidFen, share.shareBps);
  const fundFen = min(full, capLeft(rules.annualCapFen.value, totals.assistanceFen));
  return {
    fundFen,
    shareBps: share.shareBps,
    baseFen: stillSelfPaidFen,
    capReached: fundFen < full,
  };
}
