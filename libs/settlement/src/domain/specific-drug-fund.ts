import { bps, fen, min } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { capLeft, shareWithinCaps } from './caps-and-shares';
import { deductibleDue, employeeTotalLeft, usageOf, type PooledFund } from './pooled-fund';

/**
 * Specific (designated) drugs: the person pays the year's threshold first, then the fund pays
 * its share up to its own annual cap. Its fund is counted apart from the basic fund, so it
 * neither uses nor is limited by the basic cap.
 */
export function specificDrugFund(input: SettlementInput): PooledFund {
  const { policy, bill, totals } = input;
  const rules = policy.specificDrugs;
  const deductibleFen = deductibleDue(
    rules.annualThresholdFen.value,
    totals.specificDrugSpendFen,
    bill.inScopeFen,
  );
  const left = capLeft(rules.annualCapFen.value, totals.specificDrugFen);
  const { fundFen, capReached } = shareWithinCaps(
    fen(bill.inScopeFen - deductibleFen),
    rules.shareBps.value,
    bill.scheme === 'employee' ? min(left, employeeTotalLeft(input)) : left,
  );
  return {
    layer: 'specific-drug',
    deductibleFen,
    deductiblePer: 'threshold',
    shareBps: rules.shareBps.value,
    fundFen,
    capReached,
    offsiteReductionBps: bps(0),
    disease: null,
    fallback: null,
    usage: usageOf({
      deductiblesFen: deductibleFen,
      specificDrugFen: fundFen,
      specificDrugSpendFen: bill.inScopeFen,
    }),
  };
}
