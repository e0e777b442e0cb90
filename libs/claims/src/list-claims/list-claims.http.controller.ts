import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { CLAIM_STATUSES, invalidClaim, OPEN_STATUSES, type ClaimStatus } from '../domain';
import type { ListedClaim } from '../read-side/listed-claim';
import { ListClaimsQuery } from './list-claims.query';
import { ListedClaimSchema } from '../shared/claim.schemas';

function statusesOf(raw: string | undefined): readonly ClaimStatus[] {
  if (raw === undefined || raw === '') return OPEN_STATUSES;
  if (!(CLAIM_STATUSES as readonly string[]).includes(raw))
    throw invalidClaim('status', `must be one of ${CLAIM_STATUSES.join(', ')}`);
  return [raw as ClaimStatus];
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ListClaimsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The review list: claims in one state, oldest first, with dueBy and overdue',
  })
  @ApiQuery({
    name: 'status',
    required: false,
    enum: CLAIM_STATUSES,
    description: 'Every open claim (submitted, adjusted, approved) when absent',
  })
  @ApiOkResponse({ type: [ListedClaimSchema], description: 'Oldest first' })
  list(
    @Query('status') status: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListedClaim[]> {
    return this.queries.execute(new ListClaimsQuery(statusesOf(status), principal));
  }
}
