import { notice, type Notice } from '../../../enrollment/src/domain/notice';
import { formatYuan, type Fen } from '../../../policy/src/domain';
import type { Bill, Setting } from './bill';
import type { NationalSettlementFields } from './settlement-breakdown';

/** Who the SMS goes to, as the person's own record has them. */
export interface PersonToNotify {
  readonly phone: string | null;
  readonly name: string;
}

const SETTING_NAMES: Readonly<Record<Setting, string>> = {
  inpatient: '住院',
  'chronic-outpatient': '门诊慢特病',
  outpatient: '门诊',
  'specific-drug': '特药',
};

function amountsOf(fields: NationalSettlementFields) {
  const fundFen = fields.hifp_pay + fields.hifmi_pay + fields.hifob_pay + fields.maf_pay;
  return { totalFen: fields.medfee_sumamt, fundFen, personalFen: fields.psn_cash_pay };
}

export function settledNotice(
  person: PersonToNotify,
  bill: Bill,
  fields: NationalSettlementFields,
): Notice {
  const amounts = amountsOf(fields);
  const summary =
    `您 ${bill.date} 的${SETTING_NAMES[bill.setting]}费用 ${formatYuan(amounts.totalFen as Fen)} 元已结算：` +
    `医保基金及医疗救助支付 ${formatYuan(amounts.fundFen as Fen)} 元，个人支付 ${formatYuan(amounts.personalFen as Fen)} 元。`;
  return notice(person, summary, amounts);
}

export function reversedNotice(
  person: PersonToNotify,
  bill: Bill,
  fields: NationalSettlementFields,
  reason: string,
): Notice {
  const amounts = amountsOf(fields);
  const summary =
    `您 ${bill.date} 的${SETTING_NAMES[bill.setting]}费用 ${formatYuan(amounts.totalFen as Fen)} 元的结算已撤销，` +
    `原因：${reason}。已用的年度待遇额度已退回。`;
  return notice(person, summary, amounts);
}
