import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { InformationHistoryQuery, type InformationHistoryEntry } from './information-history.query';
import { InformationHistoryEntrySchema } from '../shared/person-records.schemas';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('residents')
export class InformationHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':residentId/changes')
  @ApiOperation({ summary: 'The history of insured-information changes, oldest first' })
  @ApiOkResponse({
    type: [InformationHistoryEntrySchema],
    description: '[{at, stationId, actor, reason, changes: [{field, from, to}]}]',
  })
  history(
    @Param('residentId') residentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InformationHistoryEntry[]> {
    return this.queries.execute(new InformationHistoryQuery(residentId, principal));
  }
}
