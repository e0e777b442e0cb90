import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ADMISSION_ID, KEBAB_CODE, RESIDENT_ID, TreatmentRequest } from '@circle/settlement';
import { CLAIM_KINDS, MAX_ATTACHMENTS, MAX_LINES, type ClaimKind } from '../domain';

const ACCOUNT = /^[0-9A-Z]{8,34}$/;

/** One bill line; checked by the claim's own rules, which name `lines[i].<field>`. */
export class ClaimLineRequest {
  @ApiProperty({ example: '药品费', minLength: 1, maxLength: 100 })
  description!: string;

  @ApiProperty({ example: 2600000, description: 'Integer fen' })
  totalFen!: number;

  @ApiProperty({ example: 2200000, description: 'Integer fen, at most totalFen' })
  inScopeFen!: number;
}

export class ClaimAttachmentRequest {
  @ApiProperty({ example: 'SCAN-20220610-01', minLength: 1, maxLength: 100 })
  reference!: string;

  @ApiPropertyOptional({ example: '住院发票', maxLength: 200 })
  description?: string;
}

/** A reimbursement claim as the hall clerk takes it in. Money is integer fen. */
export class SubmitClaimRequest extends TreatmentRequest {
  @ApiProperty({ enum: CLAIM_KINDS, description: 'manual, maternity or assistance' })
  @IsIn(CLAIM_KINDS)
  kind!: ClaimKind;

  @ApiProperty({ example: '370811198504021234', description: '18-character resident ID' })
  @IsString()
  @Matches(RESIDENT_ID, { message: 'must be an 18-character resident ID' })
  residentId!: string;

  @ApiPropertyOptional({
    example: 'shizhong-zaozhuang',
    description: "Where the care was given; the person's own region when absent",
  })
  @IsOptional()
  @IsString()
  @Matches(KEBAB_CODE, { message: 'must be a policy region code such as taibai-lake' })
  treatmentRegion?: string;

  @ApiPropertyOptional({
    example: 'ZY20220601-0007',
    description: "The hospital's admission number",
  })
  @IsOptional()
  @IsString()
  @Matches(ADMISSION_ID, {
    message: 'must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  @MaxLength(64)
  admissionId?: string;

  @ApiProperty({ type: [ClaimLineRequest], minItems: 1, maxItems: MAX_LINES })
  @IsArray()
  lines!: unknown[];

  @ApiPropertyOptional({ type: [ClaimAttachmentRequest], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @IsArray()
  attachments?: unknown[];

  @ApiPropertyOptional({
    example: '6222020200112233445',
    description: "Bank account to pay to; the social security card's account when absent",
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT, {
    message: 'must be a bank account number of 8 to 34 digits or capital letters',
  })
  payeeAccount?: string;
}
