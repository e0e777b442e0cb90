import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ContributionQuoteSchema } from '../shared/policy.schemas';
import { QuoteContributionQuery, type ContributionQuoteAnswer } from './quote-contribution.query';
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
      'individualFen is the share before waivers, subsidyFen the public subsidy, payableFen what the resident pays, waivedFen what the government pays for them. The year is priced by the version in force on 1 January; a year past the last notice on file is priced by that notice, carried forward, and policyWarning says so.',
  })
  @ApiOkResponse({ type: ContributionQuoteSchema })
  @ApiUnprocessableEntityResponse({ description: 'Unknown region, year without policy, bad date' })
  quote(@Body() body: QuoteContributionRequest): Promise<ContributionQuoteAnswer> {
    return this.queries.execute(new QuoteContributionQuery(body));
  }
}
