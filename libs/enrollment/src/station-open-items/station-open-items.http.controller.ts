import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@circle/platform';
import { OpenItemSchema } from './open-item.schemas';
import { StationOpenItemsQuery } from './station-open-items.query';
import { OPEN_ITEMS_LIMIT, type OpenItem } from './station-open-items.reader';

const READ_SIDE_NOTE =
  'Read from the deadlines projection, a moment behind the log. A clerk reads their own ' +
  `station's, supervisors and admins every station's; at most ${OPEN_ITEMS_LIMIT}.`;

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller()
export class StationOpenItemsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('qualifications/open')
  @ApiOperation({
    summary: "The station's pending chronic qualifications with their clocks (1 working day)",
    description: READ_SIDE_NOTE,
  })
  @ApiOkResponse({ type: [OpenItemSchema], description: 'Most urgent first' })
  @ApiForbiddenResponse({ description: 'Not a business of this station' })
  qualifications(@CurrentPrincipal() principal: Principal): Promise<OpenItem[]> {
    return this.queries.execute(new StationOpenItemsQuery('qualification', principal));
  }

  @Get('transfers/open')
  @ApiOperation({
    summary: "The station's pending coverage transfers with their clocks (15 working days)",
    description: READ_SIDE_NOTE,
  })
  @ApiOkResponse({ type: [OpenItemSchema], description: 'Most urgent first' })
  @ApiForbiddenResponse({ description: 'Only the hall handles transfers' })
  transfers(@CurrentPrincipal() principal: Principal): Promise<OpenItem[]> {
    return this.queries.execute(new StationOpenItemsQuery('transfer', principal));
  }
}
