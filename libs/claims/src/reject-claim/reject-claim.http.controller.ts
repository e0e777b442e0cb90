import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { RejectClaimCommand } from './reject-claim.command';
import { RejectClaimRequest } from './reject-claim.request.dto';
import { ClaimSchema } from '../shared/claim.schemas';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class RejectClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':claimId/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a claim in review, with the reason the resident is sent by SMS',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ClaimSchema, description: 'The claim, rejected, with withinDeadline' })
  @ApiConflictResponse({ description: 'The claim is approved, settled or rejected' })
  reject(
    @Param('claimId') claimId: string,
    @Body() body: RejectClaimRequest,
    @Context() context: CommandContext,
  ): Promise<ClaimAnswer> {
    return this.commands.execute(new RejectClaimCommand(claimIdParam(claimId), body, context));
  }
}
