import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { BUSINESS_CODES, BusinessCode } from '@circle/stations';

export class AddCounterRequest {
  @ApiProperty({ example: '7' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, { message: 'is 1-20 letters, digits or dashes' })
  counterId!: string;

  @ApiPropertyOptional({
    enum: BUSINESS_CODES,
    isArray: true,
    description: 'defaults to every item the station handles',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BUSINESS_CODES, { each: true })
  skills?: BusinessCode[];
}
