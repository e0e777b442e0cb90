import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_CODES, STATION_KINDS } from '../../../stations/src/domain/business-catalog';
import { COVERAGE_BASES } from '../domain/capable-stations';
import { TRAVEL_MODES } from '../domain/travel-modes';

export class UncoveredCommunitySchema {
  @ApiProperty({ example: 'tl-41' }) communityId!: string;
  @ApiProperty({ example: 1480 }) population!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 23.4,
    description: 'Door-to-door minutes to the nearest capable station; null: no road leads to one',
  })
  minutes!: number | null;
}

export class CoverageSchema {
  @ApiProperty({ enum: BUSINESS_CODES, example: 'ENROLL_RESIDENT' }) business!: string;
  @ApiProperty({ example: 15, minimum: 1, maximum: 120 }) minutes!: number;
  @ApiProperty({ enum: TRAVEL_MODES, example: 'cycling' }) mode!: string;
  @ApiProperty({ enum: COVERAGE_BASES, example: 'open' }) basis!: string;
  @ApiProperty({ example: 91700, description: 'Insured residents of every community' })
  population!: number;
  @ApiProperty({ example: 84210 }) coveredPopulation!: number;
  @ApiProperty({ example: 0.9183, minimum: 0, maximum: 1, description: 'covered ÷ population' })
  share!: number;
  @ApiProperty({
    type: [UncoveredCommunitySchema],
    description: 'Every community beyond, furthest first',
  })
  uncovered!: UncoveredCommunitySchema[];
  @ApiProperty({ type: [String], example: ['hall', 'town-1'], description: 'The capable stations' })
  stations!: string[];
  @ApiProperty({ example: '5d1f0c9a3be24e7781f0aa42' }) geographyId!: string;
  @ApiProperty({ description: 'Made-up geography (the demo district): say so on any map' })
  synthetic!: boolean;
  @ApiProperty({ example: '2026-12-04T08:12:40.231Z' }) computedAt!: string;
}

export class CoverageSummaryItemSchema {
  @ApiProperty({ enum: BUSINESS_CODES }) business!: string;
  @ApiProperty() population!: number;
  @ApiProperty() coveredPopulation!: number;
  @ApiProperty() share!: number;
  @ApiProperty({ type: [String] }) stations!: string[];
}

export class CoverageSummarySchema {
  @ApiProperty() minutes!: number;
  @ApiProperty({ enum: TRAVEL_MODES }) mode!: string;
  @ApiProperty({ enum: COVERAGE_BASES }) basis!: string;
  @ApiProperty() synthetic!: boolean;
  @ApiProperty({ type: [CoverageSummaryItemSchema] }) items!: CoverageSummaryItemSchema[];
}

class LayerSummarySchema {
  @ApiProperty({ example: '9f2c…' }) hash!: string;
  @ApiProperty({ example: 64 }) features!: number;
  @ApiPropertyOptional({ example: 91700 }) population?: number;
  @ApiPropertyOptional({ example: 412.37 }) km?: number;
}

export class GeographySchema {
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty() geographyId!: string;
  @ApiProperty({ type: LayerSummarySchema }) communities!: LayerSummarySchema;
  @ApiProperty({ type: LayerSummarySchema }) roads!: LayerSummarySchema;
  @ApiProperty() synthetic!: boolean;
  @ApiProperty() source!: string;
  @ApiProperty({ example: '2026-12-04T08:12:40.231Z' }) importedAt!: string;
}

export class GeographyImportSchema {
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty() geographyId!: string;
  @ApiProperty({ enum: ['communities', 'roads'] }) layer!: string;
  @ApiProperty({ description: 'False: the file was the layer in force already; nothing recorded' })
  replaced!: boolean;
  @ApiProperty({ type: LayerSummarySchema }) communities!: LayerSummarySchema;
  @ApiProperty({ type: LayerSummarySchema }) roads!: LayerSummarySchema;
  @ApiProperty() synthetic!: boolean;
}

export class SiteProposalSchema {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ example: { lon: 116.575, lat: 35.295, synthetic: true } })
  location!: { lon: number; lat: number; synthetic: boolean };
  @ApiProperty({ example: 412, description: 'The road node the station would stand at' })
  node!: number;
  @ApiProperty({ example: 5230, description: 'Residents newly within the limit' }) gain!: number;
  @ApiProperty({ type: [String] }) communities!: string[];
  @ApiProperty({ example: 88100 }) coveredPopulation!: number;
  @ApiProperty({ example: 0.9607 }) share!: number;
}

export class SitingSchema {
  @ApiProperty({ enum: BUSINESS_CODES }) business!: string;
  @ApiProperty({ enum: STATION_KINDS }) kind!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ enum: TRAVEL_MODES }) mode!: string;
  @ApiProperty({ enum: COVERAGE_BASES }) basis!: string;
  @ApiProperty() population!: number;
  @ApiProperty({ description: 'Covered population before any proposed site' })
  coveredPopulation!: number;
  @ApiProperty({ type: [SiteProposalSchema] }) proposals!: SiteProposalSchema[];
  @ApiProperty() synthetic!: boolean;
}
