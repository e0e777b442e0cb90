import { ApiProperty } from '@nestjs/swagger';
import { PolicyWarningSchema } from '@circle/enrollment';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../domain';

// OpenAPI shapes of the claim answers; the handlers build plain objects of these shapes
// (claim-view.ts, read-side/listed-claim.ts).

const fen = (description = 'integer fen') =>
  ApiProperty({ type: 'integer', minimum: 0, description });
const nullableText = (description?: string) =>
  ApiProperty({ type: String, nullable: true, description });
const STEPS = ['submitted', 'adjusted', 'approved', 'rejected', 'settled', 'payment-instructed'];

export class ClaimLineSchema {
  @ApiProperty({ example: '药品费' }) description!: string;
  @fen() totalFen!: number;
  @fen('total less self-paid items, integer fen') inScopeFen!: number;
}

export class ClaimAttachmentSchema {
  @ApiProperty({ example: 'SCAN-0001' }) reference!: string;
  @nullableText() description!: string | null;
}

export class ClaimStepSchema {
  @ApiProperty({ enum: STEPS }) step!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'hall' }) stationId!: string;
  @ApiProperty({ example: 'clerk-hall' }) actor!: string;
  @ApiProperty({ required: false }) reason?: string;
  @ApiProperty({ type: [ClaimLineSchema], required: false }) lines?: ClaimLineSchema[];
  @ApiProperty({ type: 'integer', required: false }) totalFen?: number;
  @ApiProperty({ type: 'integer', required: false }) inScopeFen?: number;
  @ApiProperty({ required: false }) settlementId?: string;
  @ApiProperty({ type: 'integer', required: false }) amountFen?: number;
}

/** A row of the review list and of the supervisor's overdue list. */
export class ListedClaimSchema {
  @ApiProperty({ example: 'CLM-20220610-3f9c2a7b1e04' }) claimId!: string;
  @ApiProperty({ enum: CLAIM_KINDS }) kind!: string;
  @ApiProperty({ example: 'MANUAL_REIMBURSEMENT' }) business!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵*英' }) maskedName!: string;
  @ApiProperty({ example: 'hall' }) stationId!: string;
  @fen() totalFen!: number;
  @fen() inScopeFen!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'what the fund paid, once settled' })
  fundFen!: number | null;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() dueBy!: string;
  @ApiProperty({ description: 'still open past its due time' }) overdue!: boolean;
  @nullableText() decidedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) withinDeadline!: boolean | null;
  @nullableText() settlementId!: string | null;
  @nullableText() reason!: string | null;
}

/** A whole claim: its bill, review, settlement and payment, and every step with its clerk. */
export class ClaimSchema {
  @ApiProperty({ example: 'CLM-20220610-3f9c2a7b1e04' }) claimId!: string;
  @ApiProperty({ enum: CLAIM_KINDS }) kind!: string;
  @ApiProperty({ example: 'MANUAL_REIMBURSEMENT' }) business!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵*英' }) maskedName!: string;
  @ApiProperty({ example: 'hall' }) stationId!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() dueBy!: string;
  @ApiProperty({ description: 'still open past its due time' }) overdue!: boolean;
  @nullableText() decidedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null while open' })
  withinDeadline!: boolean | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the time limit and the policy version it comes from',
  })
  timeLimit!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the treatment billed: region, date, scheme, category, setting, tier, admission',
  })
  bill!: object;
  @ApiProperty({ type: [ClaimLineSchema] }) lines!: ClaimLineSchema[];
  @ApiProperty({ type: [ClaimAttachmentSchema] }) attachments!: ClaimAttachmentSchema[];
  @nullableText() payeeAccount!: string | null;
  @fen() totalFen!: number;
  @fen() inScopeFen!: number;
  @nullableText() rejectionReason!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the settlement once made',
  })
  settlement!: object | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the payment instruction once made',
  })
  paymentInstruction!: object | null;
  @ApiProperty({ type: [ClaimStepSchema] }) history!: ClaimStepSchema[];
  @ApiProperty({ type: [PolicyWarningSchema] }) policyWarnings!: PolicyWarningSchema[];
}
