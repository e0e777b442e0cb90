import type { Fen } from '@circle/policy';
import type { ClaimEvent } from './domain';

/** An event as the log stores it: data and schema version tied to its type by the domain. */
type Example<E extends ClaimEvent = ClaimEvent> = E extends ClaimEvent
  ? {
      readonly type: E['type'];
      readonly schemaVersion: E['schemaVersion'];
      readonly data: E['data'];
    }
  : never;

const ZHAO = { residentId: '37081119820615042X', phone: '13853712345', maskedName: '赵**' };
const CLAIM = {
  claimId: 'CLM-20220613-5b1e9c2d7a40',
  residentId: ZHAO.residentId,
  stationId: 'hall',
};
const DUE_BY = '2022-06-27T23:59:59.999+08:00';
const SETTLEMENT_ID = 'STL-20220620-8c3f1a2b9d07';
const f = (amount: number) => amount as Fen;

/**
 * One realistic event of each type the claims context emits: a manual reimbursement of an
 * admission at a secondary hospital elsewhere, reviewed, adjusted, approved and settled.
 * Typed with the domain's event types, so a change of shape fails to compile here and the
 * contract test holds the AsyncAPI document to the same shape.
 */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'claims.ClaimSubmitted',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      at: '2022-06-13T10:05:41.118+08:00',
      kind: 'manual',
      business: 'MANUAL_REIMBURSEMENT',
      maskedName: ZHAO.maskedName,
      region: 'taibai-lake',
      date: '2022-06-08',
      scheme: 'resident',
      insuredCategory: 'general',
      setting: 'inpatient',
      tier: 2,
      disease: null,
      treatmentRegion: 'shizhong-zaozhuang',
      admissionId: 'ZY2022060117',
      lines: [
        { description: '床位费', totalFen: 120_000, inScopeFen: 90_000 },
        { description: '药品费', totalFen: 1_480_000, inScopeFen: 1_310_000 },
      ],
      attachments: [
        { reference: 'SCAN-20220613-0031', description: '住院发票原件' },
        { reference: 'SCAN-20220613-0032', description: null },
      ],
      payeeAccount: '6222020200112233445',
      totalFen: 1_600_000,
      inScopeFen: 1_400_000,
      timeLimit: { days: 10, unit: 'working-days' },
      policyVersion: 'taibai-lake@2022#4e1d2c3b5a69',
      dueBy: DUE_BY,
    },
  },
  {
    type: 'claims.ClaimAdjusted',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      at: '2022-06-16T15:20:09.532+08:00',
      reason: '床位费超出标准部分不予报销',
      lines: [
        { description: '床位费', totalFen: 120_000, inScopeFen: 60_000 },
        { description: '药品费', totalFen: 1_480_000, inScopeFen: 1_310_000 },
      ],
      totalFen: 1_600_000,
      inScopeFen: 1_370_000,
    },
  },
  {
    type: 'claims.ClaimRejected',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      claimId: 'CLM-20220613-e07a4c9b1d22',
      at: '2022-06-28T09:01:17.004+08:00',
      reason: '发票为复印件，请提供原件',
      dueBy: DUE_BY,
      withinDeadline: false,
      notice: {
        phone: ZHAO.phone,
        maskedName: ZHAO.maskedName,
        summary:
          '您的零星医疗费用报销申请（受理号CLM-20220613-e07a4c9b1d22）未通过审核：发票为复印件，请提供原件',
        amountsFen: {},
      },
    },
  },
  {
    type: 'claims.ClaimApproved',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      at: '2022-06-20T11:42:30.871+08:00',
      totalFen: 1_600_000,
      inScopeFen: 1_370_000,
    },
  },
  {
    type: 'claims.ClaimSettled',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      at: '2022-06-20T11:42:30.871+08:00',
      settlementId: SETTLEMENT_ID,
      policyVersion: 'taibai-lake@2022#4e1d2c3b5a69',
      medfee_sumamt: f(1_600_000),
      inscp_scp_amt: f(1_370_000),
      act_pay_dedc: f(40_000),
      hifp_pay: f(997_500),
      hifmi_pay: f(0),
      hifob_pay: f(0),
      maf_pay: f(0),
      psn_cash_pay: f(602_500),
      fundFen: 997_500,
      dueBy: DUE_BY,
      withinDeadline: true,
      notice: {
        phone: ZHAO.phone,
        maskedName: ZHAO.maskedName,
        summary:
          '您的零星医疗费用报销申请（受理号CLM-20220613-5b1e9c2d7a40）已审核结算：医疗费用16,000.00元，基金支付9,975.00元，个人负担6,025.00元；基金支付部分将转入您提供的银行账户。',
        amountsFen: { totalFen: 1_600_000, fundFen: 997_500, personalFen: 602_500 },
      },
    },
  },
  {
    type: 'claims.PaymentInstructed',
    schemaVersion: 1,
    data: {
      ...CLAIM,
      at: '2022-06-20T11:42:30.871+08:00',
      settlementId: SETTLEMENT_ID,
      payee: { residentId: ZHAO.residentId, name: '赵秀英' },
      payeeAccount: '6222020200112233445',
      amountFen: 997_500,
    },
  },
];
