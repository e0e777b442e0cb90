import type { Fen } from '@circle/policy';
import type { BenefitYearEvent } from './domain';

/** The data as JSON carries it: amounts are plain numbers, without the domain's Fen brand. */
type Plain<T> = T extends Fen
  ? number
  : T extends readonly (infer I)[]
    ? readonly Plain<I>[]
    : T extends object
      ? { readonly [K in keyof T]: Plain<T[K]> }
      : T;

/** An event as the log stores it: data and schema version tied to its type by the domain. */
type Example<E extends BenefitYearEvent = BenefitYearEvent> = E extends BenefitYearEvent
  ? {
      readonly type: E['type'];
      readonly schemaVersion: E['schemaVersion'];
      readonly data: Plain<E['data']>;
    }
  : never;

/**
 * One realistic event of each type the settlement context emits: a low-income resident's
 * admission to a secondary hospital in June 2022 (the seed's worked example, with medical
 * assistance), and its reversal. Typed with the domain's event types, so a change to an event's
 * data fails to compile here and the contract test holds the AsyncAPI document to the shape.
 */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'settlement.BillSettled',
    schemaVersion: 1,
    data: {
      settlementId: 'STL-20220601-3f9c2a7b1e04',
      residentId: '370811198503120411',
      year: 2022,
      admissionId: 'ZY20220601-0007',
      stationId: 'hosp-2',
      at: '2022-06-01T10:42:05.118+08:00',
      source: 'hospital',
      claimId: null,
      bill: {
        date: '2022-06-01',
        scheme: 'resident',
        insuredCategory: 'low-income',
        setting: 'inpatient',
        tier: 2,
        totalFen: 3000000,
        inScopeFen: 2600000,
      },
      standing: {
        qualifiedDiseases: [],
        offsite: 'home',
      },
      medfee_sumamt: 3000000,
      inscp_scp_amt: 2600000,
      act_pay_dedc: 40000,
      hifp_pay: 1920000,
      hifmi_pay: 0,
      hifob_pay: 0,
      maf_pay: 476000,
      psn_cash_pay: 604000,
      policyVersion: 'taibai-lake@2022#03a7cfb25e87',
      lines: [
        {
          layer: 'out-of-scope',
          amountFen: 400000,
          paidBy: 'person',
          zh: '政策范围外费用（自费项目、超出限价等）：由您自付 4,000.00 元',
          en: 'Costs the insurance does not cover (self-paid items, amounts above price limits): you pay 4,000.00 yuan',
        },
        {
          layer: 'deductible',
          amountFen: 40000,
          paidBy: 'person',
          zh: '起付线：本次住院由您自付 400.00 元',
          en: 'Deductible: you pay the first 400.00 yuan of this admission',
        },
        {
          layer: 'basic-fund',
          amountFen: 1920000,
          paidBy: 'fund',
          zh: '基本医疗保险统筹基金支付 19,200.00 元：起付线以上的 25,600.00 元 × 75%',
          en: 'The basic medical insurance fund pays 19,200.00 yuan: 75% of the 25,600.00 yuan above the deductible',
        },
        {
          layer: 'assistance',
          amountFen: 476000,
          paidBy: 'fund',
          zh: '医疗救助支付 4,760.00 元：低保对象救助比例 70%，按您仍需自付的政策范围内费用 6,800.00 元计算',
          en: 'Medical assistance pays 4,760.00 yuan: 70% for low-income households, of the 6,800.00 yuan of in-scope costs you still had to pay',
        },
        {
          layer: 'personal',
          amountFen: 604000,
          paidBy: 'person',
          zh: '您本次共需支付 6,040.00 元',
          en: 'In all, you pay 6,040.00 yuan',
        },
      ],
      usage: {
        deductiblesFen: 40000,
        basicFundFen: 1920000,
        criticalIllnessFen: 0,
        largeExpenseFen: 0,
        assistanceFen: 476000,
        specificDrugFen: 0,
        specificDrugSpendFen: 0,
        outpatientFen: 0,
        inScopePersonalBurdenFen: 680000,
        chronicOutpatientFen: {},
        yearlyDeductiblesFen: {},
        admissions: 1,
      },
      totalsAfter: {
        deductiblesFen: 40000,
        basicFundFen: 1920000,
        criticalIllnessFen: 0,
        largeExpenseFen: 0,
        assistanceFen: 476000,
        specificDrugFen: 0,
        specificDrugSpendFen: 0,
        outpatientFen: 0,
        inScopePersonalBurdenFen: 680000,
        chronicOutpatientFen: {},
        yearlyDeductiblesFen: {},
        admissions: 1,
      },
      notice: {
        phone: '13905371234',
        maskedName: '王**',
        summary:
          '您 2022-06-01 的住院费用 30,000.00 元已结算：医保基金及医疗救助支付 23,960.00 元，个人支付 6,040.00 元。',
        amountsFen: {
          totalFen: 3000000,
          fundFen: 2396000,
          personalFen: 604000,
        },
      },
    },
  },
  {
    type: 'settlement.SettlementReversed',
    schemaVersion: 1,
    data: {
      settlementId: 'STL-20220601-3f9c2a7b1e04',
      residentId: '370811198503120411',
      year: 2022,
      admissionId: 'ZY20220601-0007',
      stationId: 'hosp-2',
      at: '2022-06-01T11:02:41.500+08:00',
      reason: '住院号录入错误 wrong admission number',
      usage: {
        deductiblesFen: 40000,
        basicFundFen: 1920000,
        criticalIllnessFen: 0,
        largeExpenseFen: 0,
        assistanceFen: 476000,
        specificDrugFen: 0,
        specificDrugSpendFen: 0,
        outpatientFen: 0,
        inScopePersonalBurdenFen: 680000,
        chronicOutpatientFen: {},
        yearlyDeductiblesFen: {},
        admissions: 1,
      },
      totalsAfter: {
        deductiblesFen: 0,
        basicFundFen: 0,
        criticalIllnessFen: 0,
        largeExpenseFen: 0,
        assistanceFen: 0,
        specificDrugFen: 0,
        specificDrugSpendFen: 0,
        outpatientFen: 0,
        inScopePersonalBurdenFen: 0,
        chronicOutpatientFen: {},
        yearlyDeductiblesFen: {},
        admissions: 0,
      },
      notice: {
        phone: '13905371234',
        maskedName: '王**',
        summary:
          '您 2022-06-01 的住院费用 30,000.00 元的结算已撤销，原因：住院号录入错误 wrong admission number。已用的年度待遇额度已退回。',
        amountsFen: {
          totalFen: 3000000,
          fundFen: 2396000,
          personalFen: 604000,
        },
      },
    },
  },
];
