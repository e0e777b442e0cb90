import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { parseTicketId } from '../domain/ticket-id';
import { commandContext } from '../http/command-context';
import { TransferredTicketSchema, WrongStationSchema } from '../http/walkins.schemas';
import { TransferTicketCommand } from './transfer-ticket.command';
import { TransferTicketRequest } from './transfer-ticket.request.dto';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('tickets/:ticketId/transfer')
export class TransferTicketController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Transfer a ticket to another business, counter or station',
    description:
      'The old ticket ends as transferred and a new one waits at the destination, keeping the ' +
      'original arrival time (so it is not sent to the back) and linked both ways ' +
      '(transferredTo / transferredFrom). Within one station and business the number stays. ' +
      'To another station the transfer runs in three recorded steps; if the destination ' +
      'declines after the request was checked, the answer is 422 transfer_refused and the ' +
      'ticket waits again where it was.',
  })
  @ApiOkResponse({ type: TransferredTicketSchema })
  @ApiUnprocessableEntityResponse({ type: WrongStationSchema })
  @ApiConflictResponse({ description: 'ticket_state_conflict' })
  async transfer(
    @Param('ticketId') ticketId: string,
    @Body() body: TransferTicketRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const context = commandContext(request, principal, parseTicketId(ticketId).stationId);
    const answer = await this.commands.execute(
      new TransferTicketCommand({ ticketId, principal, context }, body),
    );
    return answer.body;
  }
}
