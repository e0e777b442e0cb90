import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { QuoteBillRequest } from '../shared/bill.request.dto';
import type { SettlementQuote } from '../shared/settlement-answer';
import { QuoteSettlementQuery } from './quote-settlement.query';
import { SettlementQuoteSchema } from '../shared/settlement.schemas';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlements')
export class QuoteSettlementController {
  constructor(private readonly queries: QueryBus) {}

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Quote a bill layer by layer; stores nothing',
    description:
      "With residentId the person's benefit year, qualifications and filings are used; without it, a first admission of the year at home.",
  })
  @ApiOkResponse({
    description: 'The national settlement fields, policyVersion and lines',
    type: SettlementQuoteSchema,
  })
  @ApiUnprocessableEntityResponse({ description: 'A field is wrong; the field is named' })
  @ApiNotFoundResponse({ description: 'residentId is not on record' })
  quote(
    @Body() body: QuoteBillRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettlementQuote> {
    return this.queries.execute(new QuoteSettlementQuery(body, principal));
  }
}
