import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_CODES, STATION_KINDS } from './domain/business-catalog';

// OpenAPI shapes of the station answers; the handlers return the district's own records.

export class StationLocationSchema {
  @ApiProperty({ example: 35.361 }) lat!: number;
  @ApiProperty({ example: 116.585 }) lon!: number;
  @ApiProperty({ enum: [true], description: 'the demo district’s coordinates are made up' })
  synthetic!: boolean;
}

export class StationProfileSchema {
  @ApiProperty({ example: 'town-1' }) stationId!: string;
  @ApiProperty({ enum: STATION_KINDS }) kind!: string;
  @ApiProperty({ example: '许庄街道医保服务站' }) name!: string;
  @ApiProperty({ example: 'Xuzhuang street station' }) nameEn!: string;
  @ApiPropertyOptional({ type: 'integer', enum: [1, 2, 3], description: 'hospitals only' })
  tier?: number;
  @ApiProperty({ enum: BUSINESS_CODES, isArray: true }) businesses!: string[];
  @ApiProperty({ type: StationLocationSchema }) location!: StationLocationSchema;
  @ApiProperty({ type: 'integer', example: 3, description: 'counters it starts with' })
  counters!: number;
}
