import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { claimIdParam } from '../shared/claim-desk';
import type { ClaimAnswer } from '../shared/claim-views';
import { ApproveClaimCommand } from './approve-claim.command';
import { ClaimSchema } from '../shared/claim.schemas';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ApproveClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':claimId/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a claim: settle its bill and instruct payment of the funds share',
    description:
      "Settles the (adjusted) bill on the person's benefit year through the same calculator as a discharge, then records the settlement and a payment instruction on the claim. Approving an approved claim finishes an approval cut short. Takes an empty body.",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({
    type: ClaimSchema,
    description: 'The claim, settled, with the national fields and the payment instruction',
  })
  @ApiConflictResponse({ description: 'The claim is settled or rejected' })
  approve(
    @Param('claimId') claimId: string,
    @Context() context: CommandContext,
  ): Promise<ClaimAnswer> {
    return this.commands.execute(new ApproveClaimCommand(claimIdParam(claimId), context));
  }
}
