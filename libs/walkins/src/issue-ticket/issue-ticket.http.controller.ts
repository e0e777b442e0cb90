import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, KioskRoute, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { sendAnswer } from '../http/send-answer';
import { IssuedTicketSchema, WrongStationSchema } from '../http/walkins.schemas';
import { IssueTicketCommand } from './issue-ticket.command';
import { IssueTicketRequest } from './issue-ticket.request.dto';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/tickets')
export class IssueTicketController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @KioskRoute()
  @Roles('clerk')
  @ApiOperation({
    summary: 'Issue a walk-in ticket (kiosk or clerk)',
    description:
      'Numbers are a letter per business and a daily count (A012). A business the station does ' +
      'not handle is refused with 422 naming the nearest stations that do, with road travel ' +
      'minutes (straight-line while no road geography is imported).',
  })
  @ApiCreatedResponse({ type: IssuedTicketSchema })
  @ApiUnprocessableEntityResponse({ type: WrongStationSchema })
  @ApiConflictResponse({ description: 'the queue changed too often meanwhile; retry' })
  async issue(
    @Param('stationId') stationId: string,
    @Body() body: IssueTicketRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new IssueTicketCommand(
        stationId,
        body.business,
        commandContext(request, principal, stationId),
        body.phone,
        body.residentId,
        body.priority,
      ),
    );
    return sendAnswer(response, answer);
  }
}
