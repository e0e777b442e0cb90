import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Context, IDEMPOTENCY_HEADER, type CommandContext } from '@circle/event-store';
import { claimIdParam } from '../shared/claim-desk';
import type { ClaimAnswer } from '../shared/claim-views';
import { AdjustClaimCommand } from './adjust-claim.command';
import { AdjustClaimRequest } from './adjust-claim.request.dto';
import { ClaimSchema } from '../shared/claim.schemas';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class AdjustClaimController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':claimId/adjust')
  @HttpCode(200)
  @ApiOperation({
    summary: "Correct a claim's bill lines in review, saying why",
    description: 'The lines replace the claimed ones; the totals follow. Only while in review.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: ClaimSchema, description: 'The claim, adjusted' })
  @ApiUnprocessableEntityResponse({ description: 'A line or the reason is wrong; it is named' })
  @ApiConflictResponse({ description: 'The claim is approved, settled or rejected' })
  adjust(
    @Param('claimId') claimId: string,
    @Body() body: AdjustClaimRequest,
    @Context() context: CommandContext,
  ): Promise<ClaimAnswer> {
    return this.commands.execute(new AdjustClaimCommand(claimIdParam(claimId), body, context));
  }
}
