import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import type { ClaimAnswer } from '../shared/claim-views';
import { SubmitClaimCommand } from './submit-claim.command';
import { SubmitClaimRequest } from './submit-claim.request.dto';
import { ClaimSchema } from '../shared/claim.schemas';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class SubmitClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Take in a reimbursement claim (MANUAL_REIMBURSEMENT, MATERNITY, ASSISTANCE_REIMBURSEMENT)',
    description:
      "Bill lines and the documents' references; the person must be on record and insured as billed. The answer carries the claim id and when it is due (the policy's working-day limit).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ClaimSchema, description: 'The claim, submitted, with its dueBy' })
  @ApiUnprocessableEntityResponse({ description: 'A field is wrong; every such field is named' })
  @ApiForbiddenResponse({ description: 'Claims are handled at the hall' })
  submit(
    @Body() body: SubmitClaimRequest,
    @Context() context: CommandContext,
  ): Promise<ClaimAnswer> {
    return this.commands.execute(new SubmitClaimCommand(body, context));
  }
}
