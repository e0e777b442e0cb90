import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@circle/platform';
import type { TicketView } from '../http/ticket-view';
import { TicketSchema } from '../http/walkins.schemas';
import { GetTicketQuery } from './get-ticket.query';

@ApiTags('walk-ins')
@ApiBearerAuth()
@Controller('tickets/:ticketId')
export class GetTicketController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'A ticket with its position and wait range while it waits' })
  @ApiOkResponse({ type: TicketSchema })
  ticket(
    @Param('ticketId') ticketId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TicketView> {
    return this.queries.execute(new GetTicketQuery(ticketId, principal));
  }
}
