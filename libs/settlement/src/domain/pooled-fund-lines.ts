import { formatYuan, type Fen } from '../../../policy/src/domain';
import type { SettlementInput } from './settlement-input';
import { diseaseNames, line, percent } from './line-words';
import type { PooledFund } from './pooled-fund';
import type { SettlementLine } from './settlement-breakdown';

type Words = { zh: string; en: string };

/**
 * The pooled fund's line: what it paid, of what, at which share, and anything that changed
 * it (a cap reached, an unfiled off-site admission, a chronic visit settled as general).
 * Shown even at zero when something changed it, so the resident sees why nothing was paid.
 */
export function pooledFundLine(input: SettlementInput, pooled: PooledFund): SettlementLine | null {
  const changed = pooled.capReached || pooled.fallback !== null || pooled.offsiteReductionBps > 0;
  if (pooled.fundFen === 0 && !changed) return null;
  const base = (input.bill.inScopeFen - pooled.deductibleFen) as Fen;
  const main = mainWords(
    pooled,
    formatYuan(pooled.fundFen),
    formatYuan(base),
    percent(pooled.shareBps),
  );
  const parts = [fallbackWords(pooled), main, offsiteWords(pooled), capWords(pooled)];
  const present = parts.filter((p): p is Words => p !== null);
  return line(pooled.layer, pooled.fundFen, 'fund', {
    zh: present.map((p) => p.zh).join(''),
    en: present.map((p) => p.en).join(''),
  });
}

function mainWords(pooled: PooledFund, y: string, base: string, p: string): Words {
  switch (pooled.layer) {
    case 'basic-fund':
      return {
        zh: `基本医疗保险统筹基金支付 ${y} 元：起付线以上的 ${base} 元 × ${p}%`,
        en: `The basic medical insurance fund pays ${y} yuan: ${p}% of the ${base} yuan above the deductible`,
      };
    case 'chronic-outpatient': {
      const name = pooled.disease
        ? diseaseNames(pooled.disease.name, pooled.disease.code)
        : { zh: '', en: '' };
      return {
        zh: `门诊慢特病（${name.zh}）统筹基金支付 ${y} 元：${base} 元 × ${p}%`,
        en: `The chronic-disease outpatient fund (${name.en}) pays ${y} yuan: ${p}% of ${base} yuan`,
      };
    }
    case 'outpatient':
      return {
        zh: `普通门诊统筹基金支付 ${y} 元：${base} 元 × ${p}%`,
        en: `The general outpatient fund pays ${y} yuan: ${p}% of ${base} yuan`,
      };
    case 'specific-drug':
      return {
        zh: `特药基金支付 ${y} 元：起付标准以上的 ${base} 元 × ${p}%`,
        en: `The specific-drug fund pays ${y} yuan: ${p}% of the ${base} yuan above the threshold`,
      };
  }
}

function fallbackWords(pooled: PooledFund): Words | null {
  const fallback = pooled.fallback;
  if (!fallback) return null;
  if (fallback.reason === 'not-covered')
    return {
      zh: `“${fallback.disease}”不在本地门诊慢特病病种内，本次按普通门诊结算。`,
      en: `"${fallback.disease}" is not a chronic disease covered here, so this visit is settled as general outpatient. `,
    };
  const name = diseaseNames(fallback.name ?? fallback.disease, fallback.disease);
  return {
    zh: `您没有${name.zh}门诊慢特病待遇资格，本次按普通门诊结算。`,
    en: `You have no chronic-disease qualification for ${name.en}, so this visit is settled as general outpatient. `,
  };
}

function offsiteWords(pooled: PooledFund): Words | null {
  if (pooled.offsiteReductionBps === 0) return null;
  const points = percent(pooled.offsiteReductionBps);
  return {
    zh: `（异地就医未办理备案，报销比例降低 ${points} 个百分点）`,
    en: ` (treated away from home without an off-site filing: the share is ${points} points lower)`,
  };
}

function capWords(pooled: PooledFund): Words | null {
  if (!pooled.capReached) return null;
  return {
    zh: '（已到年度支付限额，超出部分由您负担）',
    en: ' (the yearly limit is reached; you bear the rest)',
  };
}
