import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  BUSINESS_CODES,
  BusinessCode,
  STATION_KINDS,
  StationKind,
} from '../../../stations/src/domain/business-catalog';
import { COVERAGE_BASES, CoverageBasis } from '../domain/capable-stations';
import { MAX_MINUTES } from '../domain/coverage-figures';
import { TRAVEL_MODES, TravelMode } from '../domain/travel-modes';

export class ModeQuery {
  @ApiPropertyOptional({
    enum: TRAVEL_MODES,
    description: 'COVERAGE_DEFAULT_MODE (cycling) when left out',
  })
  @IsOptional()
  @IsIn(TRAVEL_MODES)
  mode?: TravelMode;

  @ApiPropertyOptional({
    enum: COVERAGE_BASES,
    description: 'open (default): counters open now; staffed: counters skilled for it, open or not',
  })
  @IsOptional()
  @IsIn(COVERAGE_BASES)
  basis?: CoverageBasis;
}

export class MinutesQuery extends ModeQuery {
  @ApiProperty({ minimum: 1, maximum: MAX_MINUTES, example: 15 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  minutes!: number;
}

export class CoverageQuery extends MinutesQuery {
  @ApiProperty({ enum: BUSINESS_CODES, example: 'ENROLL_RESIDENT' })
  @IsIn(BUSINESS_CODES)
  business!: BusinessCode;
}

export class CommunitiesQuery extends ModeQuery {
  @ApiProperty({ enum: BUSINESS_CODES })
  @IsIn(BUSINESS_CODES)
  business!: BusinessCode;
}

export class SitingQuery extends CoverageQuery {
  @ApiProperty({ enum: STATION_KINDS, example: 'village' })
  @IsIn(STATION_KINDS)
  kind!: StationKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  k?: number;
}
