import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INSTITUTION_TIERS, RESIDENT_CATEGORIES, type ResidentCategory } from '@circle/policy';
import { SCHEMES, SETTINGS, type Scheme, type Setting } from '../domain';

const MAX_FEN = 9_000_000_000_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const RESIDENT_ID = /^\d{17}[\dX]$/;
/** Region and disease codes: lower-case words joined by dashes (`taibai-lake`, `hypertension`). */
export const KEBAB_CODE = /^[a-z][a-z0-9-]{0,39}$/;
export const ADMISSION_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The treatment a bill is for: whose policy, which day, which scheme, setting and tier. */
export class TreatmentRequest {
  @ApiProperty({ example: 'taibai-lake', description: "The insured person's policy region" })
  @IsString()
  @Matches(KEBAB_CODE, { message: 'must be a policy region code such as taibai-lake' })
  region!: string;

  @ApiProperty({ example: '2022-06-01', description: 'Day of treatment (discharge), YYYY-MM-DD' })
  @IsString()
  @Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: SCHEMES })
  @IsIn(SCHEMES)
  scheme!: Scheme;

  @ApiProperty({ enum: RESIDENT_CATEGORIES })
  @IsIn(RESIDENT_CATEGORIES)
  insuredCategory!: ResidentCategory;

  @ApiProperty({ enum: SETTINGS })
  @IsIn(SETTINGS)
  setting!: Setting;

  @ApiProperty({ enum: INSTITUTION_TIERS, description: '1 primary, 2 secondary, 3 tertiary' })
  @IsInt()
  @IsIn(INSTITUTION_TIERS)
  tier!: 1 | 2 | 3;

  @ApiPropertyOptional({ example: 'hypertension', description: 'chronic-outpatient only' })
  @IsOptional()
  @IsString()
  @Matches(KEBAB_CODE, { message: 'must be a disease code such as hypertension' })
  disease?: string;
}

/** The bill as a clerk enters it: CONTRACT's quote body. Money is integer fen. */
export class BillRequest extends TreatmentRequest {
  @ApiProperty({ example: 3000000, description: 'Total cost, integer fen', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  totalFen!: number;

  @ApiProperty({ example: 2600000, description: 'In-scope amount, integer fen', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  inScopeFen!: number;

  // Each route states its own rule: optional for a quote, required for a settlement. Rules
  // declared here would be inherited and could not be made stricter below.
  residentId?: string;
}

/** A quote may carry the admission number too, so the screen sends one form to both routes. */
export class QuoteBillRequest extends BillRequest {
  @ApiPropertyOptional({
    example: '370811198504021234',
    description: "Uses the person's benefit year; without it, a first admission of the year",
  })
  @IsOptional()
  @IsString()
  @Matches(RESIDENT_ID, { message: 'must be an 18-character resident ID' })
  override residentId?: string;

  @ApiPropertyOptional({ example: 'ZY20220601-0007', description: 'Ignored by the quote' })
  @IsOptional()
  @IsString()
  @Matches(ADMISSION_ID, {
    message: 'must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  admissionId?: string;
}

export class SettleBillRequest extends BillRequest {
  @ApiProperty({ example: '370811198504021234', description: '18-character resident ID' })
  @IsString()
  @Matches(RESIDENT_ID, { message: 'must be an 18-character resident ID' })
  override residentId!: string;

  @ApiProperty({ example: 'ZY20220601-0007', description: "The hospital's admission number" })
  @IsString()
  @Matches(ADMISSION_ID, {
    message: 'must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  @MaxLength(64)
  admissionId!: string;
}

export class ReverseSettlementRequest {
  @ApiProperty({ example: 'wrong in-scope amount entered', minLength: 1, maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'must say why' })
  @MaxLength(200)
  reason!: string;
}
