import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { POLICY_WARNING_NOTE } from '../shared/policy.schemas';
import { yearParam } from '../shared/path-params';
import { PayContributionCommand, type PaymentAnswer } from './pay-contribution.command';
import { PayContributionRequest } from './pay-contribution.request.dto';
import { PaymentSchema } from '../shared/coverage.schemas';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('residents')
export class PayContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':residentId/contributions/:year/payments')
  @HttpCode(201)
  @ApiOperation({
    summary: "Record a payment toward a year's contribution (cash, bank, app) and issue a receipt",
    description: 'Coverage for the year becomes active once the assessed share is paid in full.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: PaymentSchema,
    description: `{receiptNumber, amountFen, coverage}; coverage carries policyWarning. ${POLICY_WARNING_NOTE}`,
  })
  @ApiUnprocessableEntityResponse({ description: 'Negative, zero or more than outstanding' })
  @ApiNotFoundResponse({ description: 'Not enrolled for that year' })
  @ApiConflictResponse({ description: 'Already paid in full' })
  pay(
    @Param('residentId') residentId: string,
    @Param('year') year: string,
    @Body() body: PayContributionRequest,
    @Context() context: CommandContext,
  ): Promise<PaymentAnswer> {
    return this.commands.execute(
      new PayContributionCommand(residentId, yearParam(year) ?? 0, body, context),
    );
  }
}
