import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { parseTicketId } from '../domain/ticket-id';
import { commandContext } from '../http/command-context';
import { TicketSchema } from '../http/walkins.schemas';
import { CancelTicketCommand } from './cancel-ticket.command';
import { CancelTicketRequest } from './cancel-ticket.request.dto';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('tickets/:ticketId/cancel')
export class CancelTicketController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Cancel a waiting or called ticket',
    description: 'A ticket in service is completed, not cancelled.',
  })
  @ApiOkResponse({ type: TicketSchema })
  @ApiConflictResponse({
    description: 'ticket_state_conflict: the ticket is not in a state that allows this',
  })
  async act(
    @Param('ticketId') ticketId: string,
    @Body() body: CancelTicketRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const stationId = parseTicketId(ticketId).stationId;
    const context = commandContext(request, principal, stationId);
    const answer = await this.commands.execute(
      new CancelTicketCommand({ ticketId, principal, context }, body.reason),
    );
    return answer.body;
  }
}
