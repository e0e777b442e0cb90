import { formatYuan, type Fen, type ResidentCategory } from '../../../policy/src/domain';
import type { AssistanceLayer } from './assistance';
import type { BurdenLayer } from './burden-layers';
import type { SettlementInput } from './settlement-input';
import { diseaseNames, line, percent } from './line-words';
import { pooledFundLine } from './pooled-fund-lines';
import type { PooledFund } from './pooled-fund';
import type { NationalSettlementFields, SettlementLine } from './settlement-breakdown';

export interface LinesOf {
  readonly input: SettlementInput;
  readonly pooled: PooledFund;
  readonly second: BurdenLayer;
  readonly assisted: AssistanceLayer | null;
  readonly fields: NationalSettlementFields;
}

/** Every layer that paid or took something, in settlement order, then what the person pays. */
export function settlementLines(of: LinesOf): SettlementLine[] {
  const lines = [
    outOfScopeLine(of.fields),
    deductibleLine(of.pooled),
    pooledFundLine(of.input, of.pooled),
    burdenLine(of.second),
    of.assisted ? assistanceLine(of.input.bill.insuredCategory, of.assisted) : null,
  ].filter((line): line is SettlementLine => line !== null);
  const y = formatYuan(of.fields.psn_cash_pay);
  lines.push(
    line('personal', of.fields.psn_cash_pay, 'person', {
      zh: `您本次共需支付 ${y} 元`,
      en: `In all, you pay ${y} yuan`,
    }),
  );
  return lines;
}

function outOfScopeLine(fields: NationalSettlementFields): SettlementLine | null {
  const amount = (fields.medfee_sumamt - fields.inscp_scp_amt) as Fen;
  if (amount === 0) return null;
  const y = formatYuan(amount);
  return line('out-of-scope', amount, 'person', {
    zh: `政策范围外费用（自费项目、超出限价等）：由您自付 ${y} 元`,
    en: `Costs the insurance does not cover (self-paid items, amounts above price limits): you pay ${y} yuan`,
  });
}

function deductibleLine(pooled: PooledFund): SettlementLine | null {
  if (pooled.deductibleFen === 0) return null;
  const y = formatYuan(pooled.deductibleFen);
  const disease = pooled.disease ? diseaseNames(pooled.disease.name, pooled.disease.code) : null;
  const words = {
    admission: {
      zh: `起付线：本次住院由您自付 ${y} 元`,
      en: `Deductible: you pay the first ${y} yuan of this admission`,
    },
    visit: {
      zh: `起付线：本次门诊由您自付 ${y} 元`,
      en: `Deductible: you pay the first ${y} yuan of this visit`,
    },
    year: {
      zh: `${disease ? `${disease.zh}门诊` : '门诊'}年度起付线：本次由您自付 ${y} 元（每年只付一次）`,
      en: `Yearly deductible for ${disease ? `${disease.en} ` : ''}outpatient care: you pay ${y} yuan of it now (it is paid once a year)`,
    },
    threshold: {
      zh: `特药年度起付标准：本次由您自付 ${y} 元`,
      en: `Yearly threshold for specific drugs: you pay ${y} yuan of it now`,
    },
  }[pooled.deductiblePer];
  return line('deductible', pooled.deductibleFen, 'person', words);
}

function burdenLine(second: BurdenLayer): SettlementLine | null {
  if (second.fundFen === 0) return null;
  const y = formatYuan(second.fundFen);
  const t = formatYuan(second.thresholdFen);
  const shares = second.sharesUsed.map((s) => `${percent(s)}%`);
  const cap = formatYuan(second.capFen);
  const capZh = second.capReached ? `（已到年度支付限额 ${cap} 元）` : '';
  const capEn = second.capReached ? ` (the yearly limit of ${cap} yuan is reached)` : '';
  if (second.layer === 'critical-illness')
    return line('critical-illness', second.fundFen, 'fund', {
      zh: `大病保险支付 ${y} 元：您今年负担的政策范围内费用超过 ${t} 元的部分，按 ${shares.join('、')} 报销${capZh}`,
      en: `Critical-illness insurance pays ${y} yuan on the in-scope costs you bore this year above ${t} yuan, at ${shares.join(' and ')}${capEn}`,
    });
  return line('large-expense', second.fundFen, 'fund', {
    zh: `职工大额医疗费用补助支付 ${y} 元：您今年负担的政策范围内费用超过 ${t} 元的部分，按 ${shares.join('、')} 报销${capZh}`,
    en: `Employees' large-expense subsidy pays ${y} yuan on the in-scope costs you bore this year above ${t} yuan, at ${shares.join(' and ')}${capEn}`,
  });
}

const CATEGORY_NAMES: Partial<Record<ResidentCategory, { zh: string; en: string }>> = {
  'extreme-poverty': { zh: '特困人员', en: 'people in extreme poverty' },
  'low-income': { zh: '低保对象', en: 'low-income households' },
  'assistance-key': { zh: '重点救助对象', en: 'key assistance recipients' },
};

function assistanceLine(category: ResidentCategory, assisted: AssistanceLayer): SettlementLine {
  const y = formatYuan(assisted.fundFen);
  const base = formatYuan(assisted.baseFen);
  const p = percent(assisted.shareBps);
  const who = CATEGORY_NAMES[category] ?? { zh: category, en: category };
  const capZh = assisted.capReached ? '（已到年度救助限额）' : '';
  const capEn = assisted.capReached ? ' (the yearly limit is reached)' : '';
  return line('assistance', assisted.fundFen, 'fund', {
    zh: `医疗救助支付 ${y} 元：${who.zh}救助比例 ${p}%，按您仍需自付的政策范围内费用 ${base} 元计算${capZh}`,
    en: `Medical assistance pays ${y} yuan: ${p}% for ${who.en}, of the ${base} yuan of in-scope costs you still had to pay${capEn}`,
  });
}
