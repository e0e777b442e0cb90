import { ApiProperty } from '@nestjs/swagger';
import { PolicyWarningSchema, POLICY_WARNING_NOTE } from '@circle/enrollment';

// OpenAPI shapes of the settlement answers, for /docs and the fuzzer's checks; the handlers
// build plain objects (settlement-answer.ts, settlement-record.ts) of the same shape.

const LAYERS = [
  'out-of-scope',
  'deductible',
  'basic-fund',
  'chronic-outpatient',
  'outpatient',
  'specific-drug',
  'critical-illness',
  'large-expense',
  'assistance',
  'personal',
];

const fen = (description: string, example?: number) =>
  ApiProperty({ type: 'integer', minimum: 0, description: `${description}, integer fen`, example });

export class SettlementLineSchema {
  @ApiProperty({ enum: LAYERS }) layer!: string;
  @fen('What this layer covers') amountFen!: number;
  @ApiProperty({ enum: ['fund', 'person'] }) paidBy!: string;
  @ApiProperty({ example: '基本医疗保险统筹基金支付' }) zh!: string;
  @ApiProperty({ example: 'Basic pooled fund' }) en!: string;
}

export class SettlementQuoteSchema {
  @fen('Total medical cost (医疗费总额)', 3_000_000) medfee_sumamt!: number;
  @fen('In-scope amount (符合政策范围金额)', 2_600_000) inscp_scp_amt!: number;
  @fen('Deductible actually paid in this settlement (实际支付起付线)', 40_000)
  act_pay_dedc!: number;
  @fen('Basic pooled fund, specific-drug fund included (统筹基金支出)', 1_920_000)
  hifp_pay!: number;
  @fen('Resident critical-illness insurance (大病保险资金支出)') hifmi_pay!: number;
  @fen('Employee large-expense subsidy (大额医疗费用补助基金支出)') hifob_pay!: number;
  @fen('Medical assistance (医疗救助基金支出)') maf_pay!: number;
  @fen('What the person pays (个人现金支出)') psn_cash_pay!: number;
  @ApiProperty({ example: 'taibai-lake@2022#3f9a0c1d2b4e' }) policyVersion!: string;
  @ApiProperty({ type: PolicyWarningSchema, nullable: true, description: POLICY_WARNING_NOTE })
  policyWarning!: PolicyWarningSchema | null;
  @ApiProperty({ type: [SettlementLineSchema] }) lines!: SettlementLineSchema[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The person's benefit year as it would stand after this bill: amounts in fen",
  })
  benefitYear!: object;
  @ApiProperty({
    enum: ['benefit-year', 'first-admission'],
    description:
      "benefit-year when the person's year was used; first-admission for nobody in particular",
  })
  basis!: string;
}

export class ReversalSchema {
  @ApiProperty({ example: '2022-06-02T10:15:00+08:00' }) at!: string;
  @ApiProperty({ example: '录入错误' }) reason!: string;
}

export class SettlementRecordSchema extends SettlementQuoteSchema {
  @ApiProperty({ example: 'STL-20220601-3f9c2a7b1e04' }) settlementId!: string;
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: 'ZY20220601-0007' }) admissionId!: string;
  @ApiProperty({ example: 'hosp-2' }) stationId!: string;
  @ApiProperty({ enum: ['hospital', 'claim'] }) source!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The claim it settles, if any' })
  claimId!: string | null;
  @ApiProperty({ example: '2022-06-01T16:20:00+08:00' }) settledAt!: string;
  @ApiProperty({ example: '2022-06-01' }) date!: string;
  @ApiProperty({ enum: ['resident', 'employee'] }) scheme!: string;
  @ApiProperty({ enum: ['inpatient', 'chronic-outpatient', 'outpatient', 'specific-drug'] })
  setting!: string;
  @ApiProperty({ type: 'integer', enum: [1, 2, 3] }) tier!: number;
  @ApiProperty({ enum: ['settled', 'reversed'] }) status!: string;
  @ApiProperty({ type: ReversalSchema, nullable: true }) reversal!: ReversalSchema | null;
}

export class BenefitYearSchema {
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ type: 'integer', example: 2022 }) year!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the year has used: amounts in fen, per-disease amounts, admissions',
  })
  totals!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'the settlements of the year, reversed ones included',
  })
  settlements!: object[];
}
