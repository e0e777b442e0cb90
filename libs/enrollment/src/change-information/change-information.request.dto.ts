import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { RESIDENT_CATEGORIES, type ResidentCategory } from '@circle/policy';
import { MOBILE } from '../enroll-resident/enroll-resident.request.dto';

/** Absent fields stay as they are; `null` clears an optional field. */
export class ChangeInformationRequest {
  @ApiPropertyOptional()
  @ValidateIf((o: ChangeInformationRequest) => o.name !== undefined)
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ nullable: true, example: '13700000000' })
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 1' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  communityId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  householdId?: string | null;

  @ApiPropertyOptional({
    enum: RESIDENT_CATEGORIES,
    description: 'Counts from the next assessment',
  })
  @ValidateIf((o: ChangeInformationRequest) => o.category !== undefined)
  @IsIn(RESIDENT_CATEGORIES)
  category?: ResidentCategory;

  @ApiPropertyOptional({ description: 'Why, as the resident or the document gives it' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
