import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { BUSINESS_CODES, BusinessCode } from '@circle/stations';

export class ChangeCounterSkillsRequest {
  @ApiProperty({ enum: BUSINESS_CODES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(BUSINESS_CODES, { each: true })
  skills!: BusinessCode[];
}
