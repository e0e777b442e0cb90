import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import type { ListedClaim } from '../read-side/listed-claim';
import { OverdueClaimsQuery } from './overdue-claims.query';
import { ListedClaimSchema } from '../shared/claim.schemas';

@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('claims')
export class OverdueClaimsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Breaches of the claim clock (10 working days)',
    description:
      'Claims still open past their due time (overdue: true, the longest overdue first), then claims decided after it (withinDeadline: false, the latest first).',
  })
  @ApiOkResponse({
    type: [ListedClaimSchema],
    description: 'Open and overdue first, then decided late',
  })
  overdue(): Promise<ListedClaim[]> {
    return this.queries.execute(new OverdueClaimsQuery());
  }
}
