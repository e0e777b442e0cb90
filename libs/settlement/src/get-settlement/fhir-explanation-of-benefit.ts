import type { Policy } from '@circle/policy';
import type { BenefitYearTotals } from '../domain';
import type { SettlementRecord } from '../shared/settlement-record';

export const FHIR_JSON = 'application/fhir+json';

const CNY = (fen: number) => ({ value: fen / 100, currency: 'CNY' });
const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
const LAYERS = 'https://servicecircle.cn/fhir/CodeSystem/settlement-layer';
const BENEFIT = 'https://servicecircle.cn/fhir/CodeSystem/benefit-balance';

interface Cap {
  readonly code: string;
  readonly display: string;
  readonly capFen: number | undefined;
  readonly usedFen: number;
}

/** Each annual cap the person draws on, with what this year has used of it. */
function capsOf(record: SettlementRecord, totals: BenefitYearTotals, policy: Policy | null): Cap[] {
  const employee = record.scheme === 'employee';
  const caps: Cap[] = [
    {
      code: 'basic-fund',
      display: 'Basic pooled fund',
      capFen: employee
        ? policy?.employee.basicCapFen.value
        : policy?.inpatient.annualBasicCapFen.value,
      usedFen: totals.basicFundFen,
    },
    employee
      ? {
          code: 'large-expense',
          display: 'Employee large-expense subsidy',
          capFen: policy?.employee.largeExpenseCapFen.value,
          usedFen: totals.largeExpenseFen,
        }
      : {
          code: 'critical-illness',
          display: 'Critical-illness insurance',
          capFen: policy?.criticalIllness.annualCapFen.value,
          usedFen: totals.criticalIllnessFen,
        },
    {
      code: 'specific-drug',
      display: 'Specific drugs',
      capFen: policy?.specificDrugs.annualCapFen.value,
      usedFen: totals.specificDrugFen,
    },
    {
      code: 'assistance',
      display: 'Medical assistance',
      capFen: policy?.assistance.annualCapFen.value,
      usedFen: totals.assistanceFen,
    },
  ];
  return caps;
}

/**
 * The settlement as an HL7 FHIR R4 ExplanationOfBenefit: the bill, each layer as an
 * adjudication, what the person pays, and `benefitBalance` with each annual cap used and left.
 */
export function toExplanationOfBenefit(
  record: SettlementRecord,
  policy: Policy | null,
): Record<string, unknown> {
  const layers: [string, string, number][] = [
    ['act_pay_dedc', 'Deductible paid', record.act_pay_dedc],
    ['hifp_pay', 'Basic pooled fund', record.hifp_pay],
    ['hifmi_pay', 'Critical-illness insurance', record.hifmi_pay],
    ['hifob_pay', 'Employee large-expense subsidy', record.hifob_pay],
    ['maf_pay', 'Medical assistance', record.maf_pay],
    ['psn_cash_pay', 'Paid by the person', record.psn_cash_pay],
  ];
  const fund = record.hifp_pay + record.hifmi_pay + record.hifob_pay + record.maf_pay;
  return {
    resourceType: 'ExplanationOfBenefit',
    id: record.settlementId,
    identifier: [{ system: 'https://servicecircle.cn/settlement', value: record.settlementId }],
    status: record.status === 'reversed' ? 'cancelled' : 'active',
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/claim-type',
          code: record.setting === 'inpatient' ? 'institutional' : 'professional',
        },
      ],
    },
    use: 'claim',
    patient: { identifier: { system: 'urn:oid:2.16.156.10011.1.1', value: record.residentId } },
    created: record.settledAt,
    insurer: { display: `Medical insurance, ${record.policyVersion}` },
    provider: { identifier: { value: record.stationId } },
    outcome: 'complete',
    billablePeriod: { end: record.date },
    insurance: [{ focal: true, coverage: { display: `${record.scheme} scheme` } }],
    item: [
      {
        sequence: 1,
        productOrService: { text: record.setting },
        net: CNY(record.medfee_sumamt),
        adjudication: [
          {
            category: { coding: [{ system: ADJUDICATION, code: 'submitted' }] },
            amount: CNY(record.medfee_sumamt),
          },
          {
            category: { coding: [{ system: ADJUDICATION, code: 'eligible' }] },
            amount: CNY(record.inscp_scp_amt),
          },
          ...layers.map(([code, display, fen]) => ({
            category: { coding: [{ system: LAYERS, code, display }] },
            amount: CNY(fen),
          })),
        ],
      },
    ],
    total: [
      {
        category: { coding: [{ system: ADJUDICATION, code: 'submitted' }] },
        amount: CNY(record.medfee_sumamt),
      },
      { category: { coding: [{ system: ADJUDICATION, code: 'benefit' }] }, amount: CNY(fund) },
    ],
    payment: { amount: CNY(fund) },
    benefitPeriod: {
      start: `${record.date.slice(0, 4)}-01-01`,
      end: `${record.date.slice(0, 4)}-12-31`,
    },
    benefitBalance: capsOf(record, record.benefitYear, policy).map((cap) => ({
      category: { coding: [{ system: BENEFIT, code: cap.code, display: cap.display }] },
      financial: [
        ...(cap.capFen === undefined
          ? []
          : [{ type: { text: 'allowed' }, allowedMoney: CNY(cap.capFen) }]),
        { type: { text: 'used' }, usedMoney: CNY(cap.usedFen) },
        ...(cap.capFen === undefined
          ? []
          : [
              {
                type: { text: 'remaining' },
                allowedMoney: CNY(Math.max(0, cap.capFen - cap.usedFen)),
              },
            ]),
      ],
    })),
  };
}
