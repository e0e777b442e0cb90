import { min, type Bps, type Fen } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { bandedShare, capLeft } from './caps-and-shares';
import { employeeTotalLeft, type PooledFund } from './pooled-fund';

/**
 * The second fund layer, paid on the in-scope amount the person bears after the pooled fund:
 * critical-illness insurance for residents (hifmi_pay), the large-expense subsidy for
 * employees (hifob_pay). Both look at the year's accumulated burden, not this bill alone.
 */
export interface BurdenLayer {
  readonly layer: 'critical-illness' | 'large-expense';
  readonly fundFen: Fen;
  readonly thresholdFen: Fen;
  readonly sharesUsed: readonly Bps[];
  readonly capReached: boolean;
  readonly capFen: Fen;
}

export function burdenLayer(
  input: SettlementInput,
  pooled: PooledFund,
  burdenFen: Fen,
): BurdenLayer {
  return input.bill.scheme === 'resident'
    ? criticalIllness(input, burdenFen)
    : largeExpense(input, pooled, burdenFen);
}

function criticalIllness(input: SettlementInput, burdenFen: Fen): BurdenLayer {
  const { policy, totals } = input;
  const rules = policy.criticalIllness;
  const banded = bandedShare(totals.inScopePersonalBurdenFen, burdenFen, rules.bands.value);
  const fundFen = min(
    banded.amountFen,
    capLeft(rules.annualCapFen.value, totals.criticalIllnessFen),
  );
  return {
    layer: 'critical-illness',
    fundFen,
    thresholdFen: rules.annualThresholdFen.value,
    sharesUsed: banded.sharesUsed,
    capReached: fundFen < banded.amountFen,
    capFen: rules.annualCapFen.value,
  };
}

// The pooled fund of this very bill already counts toward the employee's total cap.
function largeExpense(input: SettlementInput, pooled: PooledFund, burdenFen: Fen): BurdenLayer {
  const { policy, totals } = input;
  const rules = policy.employee;
  const band = {
    fromFen: rules.largeExpenseThresholdFen.value,
    shareBps: rules.largeExpenseShareBps.value,
  };
  const banded = bandedShare(totals.inScopePersonalBurdenFen, burdenFen, [band]);
  const totalLeft = capLeft(employeeTotalLeft(input), pooled.fundFen);
  const fundFen = min(
    banded.amountFen,
    capLeft(rules.largeExpenseCapFen.value, totals.largeExpenseFen),
    totalLeft,
  );
  return {
    layer: 'large-expense',
    fundFen,
    thresholdFen: band.fromFen,
    sharesUsed: banded.sharesUsed,
    capReached: fundFen < banded.amountFen,
    capFen: min(rules.largeExpenseCapFen.value, rules.totalCapFen.value),
  };
}
