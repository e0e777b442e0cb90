import { ApiProperty } from '@nestjs/swagger';
import { POLICY_WARNING_NOTE, PolicyWarningSchema } from './policy.schemas';

// OpenAPI shapes of the answers about a resident's cover (domain/insured-person/coverage-view.ts
// builds them); nested records a screen shows as they are stay open objects here.

const STATUSES = ['active', 'awaiting-payment', 'not-enrolled'];
const fen = (description: string) =>
  ApiProperty({ type: 'integer', minimum: 0, description: `${description}, integer fen` });
const records = (description: string) =>
  ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description,
  });

export class YearCoverageSchema {
  @ApiProperty({ type: 'integer', example: 2022 }) year!: number;
  @ApiProperty({ enum: ['resident'] }) scheme!: string;
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty({ example: 'general' }) category!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() paid!: boolean;
  @fen('Due for the year after subsidy and waivers') payableFen!: number;
  @fen('Paid so far') paidFen!: number;
  @fen('Still to pay') outstandingFen!: number;
  @fen('The individual share before waivers') individualFen!: number;
  @fen('The government subsidy') subsidyFen!: number;
  @fen('Waived for the category') waivedFen!: number;
  @ApiProperty({ example: 'taibai-lake@2022#3f9a0c1d2b4e' }) policyVersion!: string;
  @ApiProperty({ type: PolicyWarningSchema, nullable: true, description: POLICY_WARNING_NOTE })
  policyWarning!: PolicyWarningSchema | null;
  @ApiProperty({ type: [String], description: 'receipt numbers of the payments' })
  receipts!: string[];
}

export class ResidentEnrolledSchema extends YearCoverageSchema {
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '1985-04-02' }) birthDate!: string;
  @ApiProperty({ enum: ['male', 'female'] }) sex!: string;
}

export class PaymentSchema {
  @ApiProperty({ example: 'RCPT-20220301-0001' }) receiptNumber!: string;
  @fen('Paid now') amountFen!: number;
  @ApiProperty({ type: YearCoverageSchema }) coverage!: YearCoverageSchema;
}

/** The coverage enquiry (参保查询). */
export class CoverageSchema {
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵秀英' }) name!: string;
  @ApiProperty({ example: '1985-04-02' }) birthDate!: string;
  @ApiProperty({ enum: ['male', 'female'] }) sex!: string;
  @ApiProperty({ example: 'general' }) category!: string;
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the year asked for, or the latest enrolled',
  })
  year!: number | null;
  @ApiProperty({ type: String, enum: ['resident', 'employee'], nullable: true }) scheme!:
    string | null;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() paid!: boolean;
  @ApiProperty({ type: YearCoverageSchema, nullable: true }) coverage!: YearCoverageSchema | null;
  @ApiProperty({ type: [YearCoverageSchema] }) years!: YearCoverageSchema[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the employer, for the employee scheme',
  })
  employment!: object | null;
  @records('chronic-disease qualifications, each with overdue and policyWarning')
  qualifications!: object[];
  @records('off-site treatment filings') filings!: object[];
  @records('coverage transfers in and out') transfers!: object[];
}
