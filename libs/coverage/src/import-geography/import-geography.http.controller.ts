import { Body, Controller, HttpCode, Param, ParseEnumPipe, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { Roles } from '@circle/platform';
import { GEOGRAPHY_LAYERS, GeographyLayer } from '../domain/geography.events';
import { GeographyImportSchema } from '../http/coverage.schemas';
import { ImportBodyLimit } from './import-body-limit';
import { ImportAnswer, ImportGeographyHandler } from './import-geography.handler';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller('coverage/geography')
export class ImportGeographyController {
  constructor(private readonly imports: ImportGeographyHandler) {}

  @Put(':layer')
  @HttpCode(200)
  @Roles('admin')
  @ImportBodyLimit()
  @ApiOperation({
    summary: 'Import the communities or the roads of the district (admins)',
    description:
      'The body is a GeoJSON FeatureCollection (RFC 7946) sent as application/json, up to ' +
      'COVERAGE_IMPORT_LIMIT_MB (64 MB by default; every other route keeps the small limit). ' +
      'Communities: Point, Polygon or MultiPolygon features with properties `communityId` ' +
      '(unique) and `population` (insured residents, a whole number). Roads: LineString or ' +
      'MultiLineString features with `class` (motorway, primary, secondary, tertiary, ' +
      'residential, track, path) and/or `speedKmh`. `synthetic: true` at the top or on every ' +
      'feature marks made-up data. The file is checked feature by feature first: a bad one is ' +
      '422 naming each feature and field (`features[12].properties.population`) and replaces ' +
      'nothing. The other layer is kept; coverage is recomputed by the projection shortly after.',
  })
  @ApiParam({ name: 'layer', enum: GEOGRAPHY_LAYERS })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ schema: { type: 'object', example: { type: 'FeatureCollection', features: [] } } })
  @ApiOkResponse({ type: GeographyImportSchema })
  @ApiUnprocessableEntityResponse({ description: 'Names every bad feature and field' })
  @ApiPayloadTooLargeResponse({ description: 'Over COVERAGE_IMPORT_LIMIT_MB' })
  @ApiForbiddenResponse({ description: 'Admins only' })
  async importLayer(
    @Param('layer', new ParseEnumPipe(GEOGRAPHY_LAYERS, { errorHttpStatusCode: 404 }))
    layer: GeographyLayer,
    @Body() body: unknown,
    @Context() context: CommandContext,
  ): Promise<ImportAnswer> {
    const answer = await this.imports.importLayer(
      layer,
      body,
      context,
      `upload by ${context.principal.username}`,
    );
    return answer.body;
  }
}
