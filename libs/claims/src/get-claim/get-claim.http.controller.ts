import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { claimIdParam } from '../shared/claim-desk';
import type { ClaimAnswer } from '../shared/claim-views';
import { GetClaimQuery } from './get-claim.query';
import { ClaimSchema } from '../shared/claim.schemas';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class GetClaimController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':claimId')
  @ApiOperation({
    summary: 'A whole claim: bill, lines, documents, history, settlement and payment instruction',
  })
  @ApiOkResponse({ type: ClaimSchema, description: 'The claim' })
  @ApiNotFoundResponse({ description: 'No such claim' })
  get(
    @Param('claimId') claimId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClaimAnswer> {
    return this.queries.execute(new GetClaimQuery(claimIdParam(claimId), principal));
  }
}
