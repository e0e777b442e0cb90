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
import { CompleteServiceCommand } from './complete-service.command';
import { CompleteServiceRequest } from './complete-service.request.dto';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('tickets/:ticketId/complete')
export class CompleteServiceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Complete the service with its outcome',
    description:
      'Outcome done, documents-missing, referred or not-handled (with its reason; the reason other with a note), and the record the work produced: its id and kind. Allowed from called or serving; without a start, service time runs from the call.',
  })
  @ApiOkResponse({ type: TicketSchema })
  @ApiConflictResponse({
    description: 'ticket_state_conflict: the ticket is not in a state that allows this',
  })
  async act(
    @Param('ticketId') ticketId: string,
    @Body() body: CompleteServiceRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const stationId = parseTicketId(ticketId).stationId;
    const context = commandContext(request, principal, stationId);
    const answer = await this.commands.execute(
      new CompleteServiceCommand({ ticketId, principal, context }, body),
    );
    return answer.body;
  }
}
