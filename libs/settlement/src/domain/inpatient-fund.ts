import { bps, fen, ZERO_FEN, type Bps } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { shareWithinCaps } from './caps-and-shares';
import { basicFundLeft, deductibleDue, usageOf, type PooledFund } from './pooled-fund';

/**
 * An admission: the tier's deductible once per admission, then the basic fund at the tier's
 * share up to what is left of the year's basic cap. Residents and employees differ only in
 * their figures and caps.
 */
export function inpatientFund(input: SettlementInput): PooledFund {
  const { policy, bill, standing } = input;
  const figures =
    bill.scheme === 'resident'
      ? policy.inpatient.tiers[bill.tier]
      : policy.employee.tiers[bill.tier];
  const deductibleFen = deductibleDue(figures.deductibleFen.value, ZERO_FEN, bill.inScopeFen);
  const reduction =
    standing.offsite === 'unfiled' ? policy.inpatient.unfiledOffsiteShareReductionBps.value : 0;
  const shareBps = reducedShare(figures.fundShareBps.value, reduction);
  const { fundFen, capReached } = shareWithinCaps(
    fen(bill.inScopeFen - deductibleFen),
    shareBps,
    basicFundLeft(input),
  );
  return {
    layer: 'basic-fund',
    deductibleFen,
    deductiblePer: 'admission',
    shareBps,
    fundFen,
    capReached,
    offsiteReductionBps: bps(figures.fundShareBps.value - shareBps),
    disease: null,
    fallback: null,
    usage: usageOf({ deductiblesFen: deductibleFen, basicFundFen: fundFen, admissions: 1 }),
  };
}

function reducedShare(share: Bps, reduction: number): Bps {
  return bps(Math.max(0, share - reduction));
}
