import { bps, fen, type ChronicDisease, type Fen } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { capLeft, shareWithinCaps } from './caps-and-shares';
import { basicFundLeft, deductibleDue, usageOf, type PooledFund } from './pooled-fund';

const OUTPATIENT = 'outpatient';
const chronicKey = (code: string) => `chronic:${code}`;

/** General outpatient pooling: the scheme's tier figures, deductible per visit or per year. */
export function outpatientFund(
  input: SettlementInput,
  fallback: PooledFund['fallback'] = null,
): PooledFund {
  const { policy, bill, totals } = input;
  const rules = policy.outpatient[bill.scheme];
  const figures = rules.tiers[bill.tier];
  const perYear = rules.deductiblePer.value === 'year';
  const paid = perYear ? (totals.yearlyDeductiblesFen[OUTPATIENT] ?? 0) : 0;
  const deductibleFen = deductibleDue(figures.deductibleFen.value, paid as Fen, bill.inScopeFen);
  const shareBps = figures.fundShareBps.value;
  const { fundFen, capReached } = shareWithinCaps(
    fen(bill.inScopeFen - deductibleFen),
    shareBps,
    capLeft(rules.annualCapFen.value, totals.outpatientFen),
    basicFundLeft(input),
  );
  return {
    layer: 'outpatient',
    deductibleFen,
    deductiblePer: perYear ? 'year' : 'visit',
    shareBps,
    fundFen,
    capReached,
    offsiteReductionBps: bps(0),
    disease: null,
    fallback,
    usage: usageOf({
      deductiblesFen: deductibleFen,
      basicFundFen: fundFen,
      outpatientFen: fundFen,
      yearlyDeductiblesFen: perYear && deductibleFen > 0 ? { [OUTPATIENT]: deductibleFen } : {},
    }),
  };
}

/**
 * A chronic-disease visit: the disease's own rules when the person holds the qualification and
 * the policy lists the disease; otherwise general outpatient, saying why.
 */
export function chronicOutpatientFund(input: SettlementInput): PooledFund {
  const code = input.bill.disease ?? '';
  const disease = input.policy.chronicOutpatient.diseases.find((d) => d.code === code);
  if (!disease) return outpatientFund(input, { reason: 'not-covered', disease: code, name: null });
  if (!input.standing.qualifiedDiseases.includes(code))
    return outpatientFund(input, { reason: 'not-qualified', disease: code, name: disease.name });
  return qualifiedFund(input, disease);
}

// The deductible is counted once a year per disease, like the qualification it belongs to.
function qualifiedFund(input: SettlementInput, disease: ChronicDisease): PooledFund {
  const { bill, totals } = input;
  const key = chronicKey(disease.code);
  const paid = (totals.yearlyDeductiblesFen[key] ?? 0) as Fen;
  const deductibleFen = deductibleDue(disease.deductibleFen.value, paid, bill.inScopeFen);
  const shareBps = disease.fundShareBps.value;
  const used = (totals.chronicOutpatientFen[disease.code] ?? 0) as Fen;
  const caps = [basicFundLeft(input)];
  if (disease.annualCapFen) caps.push(capLeft(disease.annualCapFen.value, used));
  const { fundFen, capReached } = shareWithinCaps(
    fen(bill.inScopeFen - deductibleFen),
    shareBps,
    ...caps,
  );
  return {
    layer: 'chronic-outpatient',
    deductibleFen,
    deductiblePer: 'year',
    shareBps,
    fundFen,
    capReached,
    offsiteReductionBps: bps(0),
    disease,
    fallback: null,
    usage: usageOf({
      deductiblesFen: deductibleFen,
      basicFundFen: fundFen,
      chronicOutpatientFen: fundFen > 0 ? { [disease.code]: fundFen } : {},
      yearlyDeductiblesFen: deductibleFen > 0 ? { [key]: deductibleFen } : {},
    }),
  };
}
