import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { RESIDENT_CATEGORIES, type ResidentCategory } from '@circle/policy';

export class QuoteContributionRequest {
  @ApiProperty({ example: 'taibai-lake' })
  @IsString()
  region!: string;

  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(1990)
  @Max(9999)
  year!: number;

  @ApiProperty({ enum: RESIDENT_CATEGORIES })
  @IsIn(RESIDENT_CATEGORIES)
  category!: ResidentCategory;

  @ApiProperty({ example: '1985-04-02', description: 'YYYY-MM-DD' })
  @IsString()
  birthDate!: string;
}
