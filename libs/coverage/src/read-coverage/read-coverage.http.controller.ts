import { Controller, Get, Header, Inject, Param, ParseEnumPipe, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';
import { GEOGRAPHY_LAYERS, GeographyLayer } from '../domain/geography.events';
import { CommunitiesQuery, CoverageQuery, MinutesQuery } from '../http/coverage-query.dto';
import { CoverageSchema, CoverageSummarySchema, GeographySchema } from '../http/coverage.schemas';
import { CoverageNotReady, CoverageReadModel } from './coverage-read-model';
import { ReadCoverageHandler } from './read-coverage.handler';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller('coverage')
export class ReadCoverageController {
  constructor(
    private readonly handler: ReadCoverageHandler,
    private readonly model: CoverageReadModel,
    @Inject(COVERAGE_SETTINGS) private readonly settings: CoverageSettings,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who lives within N minutes of a station that handles an item now',
    description:
      'Door-to-door travel minutes on the road network (nearest road node, fastest roads, ' +
      'nearest road node) to the nearest station with a counter open and skilled for the item ' +
      '(basis=staffed: skilled, open or not). `uncovered` lists every community beyond the ' +
      'limit, furthest first; minutes null means no road leads to a capable station.',
  })
  @ApiOkResponse({ type: CoverageSchema })
  @ApiUnprocessableEntityResponse({
    description: 'business, minutes (1–120), mode or basis is wrong',
  })
  @ApiNotFoundResponse({ description: 'No geography imported yet (coverage_not_ready)' })
  coverage(@Query() query: CoverageQuery): Promise<CoverageSchema> {
    return this.handler.coverage(query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Every item’s coverage within N minutes, without the lists' })
  @ApiOkResponse({ type: CoverageSummarySchema })
  summary(@Query() query: MinutesQuery): Promise<CoverageSummarySchema> {
    return this.handler.summary(query);
  }

  @Get('communities')
  @ApiOperation({
    summary: 'Communities as GeoJSON points with their minutes to the nearest capable station',
    description: 'For shading a map; `synthetic: true` (top level and per feature) must be shown.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      example: { type: 'FeatureCollection', synthetic: true, features: [] },
    },
  })
  communities(@Query() query: CommunitiesQuery) {
    return this.handler.communities(query);
  }

  @Get('geography')
  @ApiOperation({
    summary: 'The geography in force: its layers, counts and whether it is synthetic',
  })
  @ApiOkResponse({ type: GeographySchema })
  async geography(): Promise<GeographySchema> {
    const g = await this.model.geography(this.settings.region);
    if (!g) throw new CoverageNotReady('geography');
    return {
      region: g.region,
      geographyId: g.geographyId,
      communities: g.communities,
      roads: g.roads,
      synthetic: g.synthetic,
      source: g.source,
      importedAt: g.importedAt.toISOString(),
    };
  }

  @Get('geography/:layer')
  @Header('content-type', 'application/geo+json')
  @ApiOperation({ summary: 'A layer in force as it was imported (GeoJSON), for drawing the map' })
  @ApiParam({ name: 'layer', enum: GEOGRAPHY_LAYERS })
  @ApiOkResponse({
    schema: { type: 'object', example: { type: 'FeatureCollection', features: [] } },
  })
  async layer(
    @Param('layer', new ParseEnumPipe(GEOGRAPHY_LAYERS, { errorHttpStatusCode: 404 }))
    layer: GeographyLayer,
  ): Promise<string> {
    const text = await this.model.layerText(this.settings.region, layer);
    if (text === undefined) throw new CoverageNotReady(layer);
    return text;
  }
}
