import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
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
import { MarkNoShowCommand } from './mark-no-show.command';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('tickets/:ticketId/no-show')
export class MarkNoShowController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Mark a called ticket a no-show',
    description: 'Frees the counter for its next call.',
  })
  @ApiOkResponse({ type: TicketSchema })
  @ApiConflictResponse({
    description: 'ticket_state_conflict: the ticket is not in a state that allows this',
  })
  async act(
    @Param('ticketId') ticketId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const stationId = parseTicketId(ticketId).stationId;
    const context = commandContext(request, principal, stationId);
    const answer = await this.commands.execute(
      new MarkNoShowCommand({ ticketId, principal, context }),
    );
    return answer.body;
  }
}
