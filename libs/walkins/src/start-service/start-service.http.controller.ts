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
import { StartServiceCommand } from './start-service.command';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('tickets/:ticketId/start')
export class StartServiceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Start serving a called ticket',
    description: 'Service time is measured from here; pressing it twice changes nothing.',
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
      new StartServiceCommand({ ticketId, principal, context }),
    );
    return answer.body;
  }
}
