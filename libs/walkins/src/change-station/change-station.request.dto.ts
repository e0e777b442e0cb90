import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BUSINESS_CODES, BusinessCode } from '@circle/stations';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class LocationRequest {
  @ApiPropertyOptional() @IsNumber() @Min(-90) @Max(90) lat!: number;
  @ApiPropertyOptional() @IsNumber() @Min(-180) @Max(180) lon!: number;
  @ApiPropertyOptional({ description: 'true for made-up demo coordinates' })
  @IsBoolean()
  synthetic!: boolean;
}

export class OpeningPeriodRequest {
  @ApiPropertyOptional({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 is Monday' })
  @IsArray()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days!: number[];

  @ApiPropertyOptional({ example: '08:30' }) @Matches(CLOCK) opens!: string;
  @ApiPropertyOptional({ example: '17:30' }) @Matches(CLOCK) closes!: string;
}

/** What an admin may change on a station; what is left out stays as it was. */
export class ChangeStationRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) nameEn?: string;

  @ApiPropertyOptional({ type: LocationRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationRequest)
  location?: LocationRequest;

  @ApiPropertyOptional({ enum: BUSINESS_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BUSINESS_CODES, { each: true })
  businesses?: BusinessCode[];

  @ApiPropertyOptional({ type: [OpeningPeriodRequest] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodRequest)
  openingHours?: OpeningPeriodRequest[];

  @ApiPropertyOptional({
    description: 'priority calls in a row before the longest-waiting regular ticket goes',
    minimum: 1,
    maximum: 20,
  })
  @IsOptional()
  @IsInt()
  fairnessRatio?: number;
}
