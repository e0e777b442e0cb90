import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SitingQuery } from '../http/coverage-query.dto';
import { SitingSchema } from '../http/coverage.schemas';
import { ProposeSitesHandler } from './propose-sites.handler';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller('coverage/siting')
export class ProposeSitesController {
  constructor(private readonly handler: ProposeSitesHandler) {}

  @Get()
  @ApiOperation({
    summary: 'Where the next k stations of a kind would cover the most residents for an item',
    description:
      'Greedy over candidate road nodes (every community’s node and every crossroads): the site ' +
      'that brings the most residents beyond the limit within it, then the next given the first. ' +
      'Each proposal carries its gain and the covered population once it and those above it ' +
      'open (with a counter open and skilled for the item). A kind that may not handle the ' +
      'item is 422.',
  })
  @ApiOkResponse({ type: SitingSchema })
  @ApiUnprocessableEntityResponse({
    description: 'A query field is wrong, or the kind may not handle the item',
  })
  propose(@Query() query: SitingQuery): Promise<SitingSchema> {
    return this.handler.propose(query);
  }
}
