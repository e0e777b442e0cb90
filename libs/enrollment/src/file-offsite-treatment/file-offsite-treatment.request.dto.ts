import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DESTINATION_SCOPES, type DestinationScope } from '@circle/policy';
import { FILING_TYPES, type FilingType } from '../domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: 'must be a date written YYYY-MM-DD' };

export class FileOffsiteTreatmentRequest {
  @ApiProperty({ enum: FILING_TYPES })
  @IsIn(FILING_TYPES)
  filingType!: FilingType;

  @ApiProperty({ example: 'Beijing', description: 'Where treatment will be sought' })
  @IsString()
  @Length(1, 100)
  destinationRegion!: string;

  @ApiProperty({
    enum: DESTINATION_SCOPES,
    description:
      "Whether the destination is in the person's province: the policy may no longer ask for some filings there (seed 000: no temporary filing within the province)",
  })
  @IsIn(DESTINATION_SCOPES)
  destinationScope!: DestinationScope;

  @ApiPropertyOptional({ description: 'Required for a referral' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  destinationHospital?: string;

  @ApiProperty({ example: '2022-06-01' })
  @Matches(DATE, DATE_MESSAGE)
  validFrom!: string;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'Required for temporary filings' })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  validTo?: string;
}
