import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ContributionQuote } from '@circle/policy';
import { QuoteContributionQuery } from './quote-contribution.query';
import { QuoteContributionRequest } from './quote-contribution.request.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('contributions')
export class QuoteContributionController {
  constructor(private readonly queries: QueryBus) {}

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({
    summary: "Quote a resident's contribution for a year; stores nothing",
    description:
      'individualFen is the share before waivers, subsidyFen the public subsidy, payableFen what the resident pays, waivedFen what the government pays for them.',
  })
  @ApiOkResponse({
    description: '{individualFen, subsidyFen, payableFen, waivedFen, policyVersion}',
  })
  @ApiUnprocessableEntityResponse({ description: 'Unknown region, year without policy, bad date' })
  quote(@Body() body: QuoteContributionRequest): Promise<ContributionQuote> {
    return this.queries.execute(new QuoteContributionQuery(body));
  }
}
