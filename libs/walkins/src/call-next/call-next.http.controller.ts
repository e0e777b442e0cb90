import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { sendAnswer } from '../http/send-answer';
import { CalledTicketSchema } from '../http/walkins.schemas';
import { CallNextCommand } from './call-next.command';

@ApiTags('walk-ins')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/counters/:counterId/call-next')
export class CallNextController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: 'Call the next ticket this counter is skilled for',
    description:
      'Priority tickets first, FIFO by arrival, until the station fairness ratio of priority ' +
      'calls in a row; then the longest-waiting regular ticket. Refused (409 counter_busy) while ' +
      'the counter still has a ticket called or in service: complete, transfer, cancel or mark it ' +
      'a no-show first.',
  })
  @ApiOkResponse({ type: CalledTicketSchema })
  @ApiNoContentResponse({ description: 'nothing waits for this counter’s skills' })
  @ApiConflictResponse({ description: 'counter_not_open, or counter_busy' })
  async callNext(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new CallNextCommand(
        stationId,
        counterId,
        principal.username,
        commandContext(request, principal, stationId),
      ),
    );
    return sendAnswer(response, answer);
  }
}
