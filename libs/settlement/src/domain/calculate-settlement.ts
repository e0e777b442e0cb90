import { fen, ZERO_FEN, type Fen } from '../../../policy/src/domain';
import { assistance } from './assistance';
import { addTotals } from './benefit-year-totals';
import type { Bill } from './bill';
import { burdenLayer, type BurdenLayer } from './burden-layers';
import { checkBill } from './check-bill';
import { inpatientFund } from './inpatient-fund';
import { chronicOutpatientFund, outpatientFund } from './outpatient-fund';
import { usageOf, type PooledFund } from './pooled-fund';
import type { NationalSettlementFields, SettlementBreakdown } from './settlement-breakdown';
import { settlementLines } from './settlement-lines';
import type { SettlementInput } from './settlement-input';
import { specificDrugFund } from './specific-drug-fund';

export type { SettlementInput } from './settlement-input';

/**
 * Splits one bill between the fund layers and the person. Pure; every figure from `policy`.
 * Layers in the order of DOMAIN.md: the out-of-scope part is the person's; the pooled fund of
 * the setting above its deductible; critical illness (residents) or the large-expense subsidy
 * (employees) on the year's burden; medical assistance; the person pays the rest. Every share
 * is taken by `applyShare`, so the fields add up to the bill to the fen.
 */
export function calculateSettlement(input: SettlementInput): SettlementBreakdown {
  checkBill(input.bill);
  const { bill, totals } = input;
  const pooled = pooledFund(input);
  const burdenFen = fen(bill.inScopeFen - pooled.fundFen);
  const second = burdenLayer(input, pooled, burdenFen);
  const assisted = assistance(input, fen(burdenFen - second.fundFen));
  const fields = nationalFields(bill, pooled, second, assisted?.fundFen ?? ZERO_FEN);
  const usage = addTotals(
    pooled.usage,
    usageOf({
      inScopePersonalBurdenFen: burdenFen,
      criticalIllnessFen: fields.hifmi_pay,
      largeExpenseFen: fields.hifob_pay,
      assistanceFen: fields.maf_pay,
    }),
  );
  return {
    ...fields,
    policyVersion: input.policyVersion,
    lines: settlementLines({ input, pooled, second, assisted, fields }),
    usage,
    totalsAfter: addTotals(totals, usage),
  };
}

function pooledFund(input: SettlementInput): PooledFund {
  switch (input.bill.setting) {
    case 'inpatient':
      return inpatientFund(input);
    case 'chronic-outpatient':
      return chronicOutpatientFund(input);
    case 'outpatient':
      return outpatientFund(input);
    case 'specific-drug':
      return specificDrugFund(input);
  }
}

function nationalFields(
  bill: Bill,
  pooled: PooledFund,
  second: BurdenLayer,
  assistanceFen: Fen,
): NationalSettlementFields {
  const funds = pooled.fundFen + second.fundFen + assistanceFen;
  return {
    medfee_sumamt: bill.totalFen,
    inscp_scp_amt: bill.inScopeFen,
    act_pay_dedc: pooled.deductibleFen,
    hifp_pay: pooled.fundFen,
    hifmi_pay: second.layer === 'critical-illness' ? second.fundFen : ZERO_FEN,
    hifob_pay: second.layer === 'large-expense' ? second.fundFen : ZERO_FEN,
    maf_pay: assistanceFen,
    psn_cash_pay: fen(bill.totalFen - funds),
  };
}
