import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { RESIDENT_CATEGORIES, type ResidentCategory } from '@circle/policy';

export const MOBILE = /^1\d{10}$/;

export class EnrollResidentRequest {
  @ApiProperty({
    example: '370811198504021234',
    description:
      '18-character resident ID (GB 11643); length, birth date and check digit are checked',
  })
  @IsString()
  residentId!: string;

  @ApiProperty({ example: '王小明' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiPropertyOptional({ example: '13800000000', description: 'Mainland mobile number for SMS' })
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 1' })
  phone?: string;

  @ApiProperty({ enum: RESIDENT_CATEGORIES })
  @IsIn(RESIDENT_CATEGORIES)
  category!: ResidentCategory;

  @ApiProperty({ example: 'taibai-lake', description: 'A policy region' })
  @IsString()
  region!: string;

  @ApiPropertyOptional({ example: '太白湖新区许庄街道1号' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  address?: string;

  @ApiPropertyOptional({ example: 'xuzhuang-03' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  communityId?: string;

  @ApiPropertyOptional({ description: 'Household register number (户号), to group a family' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  householdId?: string;

  @ApiPropertyOptional({
    example: 2022,
    description: 'Benefit year; the current year in Asia/Shanghai when absent',
  })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(9999)
  year?: number;
}
