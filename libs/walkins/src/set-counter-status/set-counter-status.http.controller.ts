import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import type { CounterStatus } from '../../../stations/src/domain/station.state';
import { commandContext } from '../http/command-context';
import { CounterSchema } from '../http/walkins.schemas';
import { SetCounterStatusCommand } from './set-counter-status.command';

@ApiTags('counters')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/counters/:counterId')
export class SetCounterStatusController {
  constructor(private readonly commands: CommandBus) {}

  @Post('open')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'A clerk takes the counter; repeating it is harmless' })
  @ApiOkResponse({ type: CounterSchema })
  open(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    return this.set(stationId, counterId, 'open', principal, request);
  }

  @Post('pause')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'A clerk pauses the counter; it calls nobody until opened again' })
  @ApiOkResponse({ type: CounterSchema })
  pause(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    return this.set(stationId, counterId, 'paused', principal, request);
  }

  @Post('close')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: 'A clerk leaves the counter' })
  @ApiOkResponse({ type: CounterSchema })
  close(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    return this.set(stationId, counterId, 'closed', principal, request);
  }

  private async set(
    stationId: string,
    counterId: string,
    status: CounterStatus,
    principal: Principal,
    request: Request,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new SetCounterStatusCommand(
        stationId,
        counterId,
        status,
        principal.username,
        commandContext(request, principal, stationId),
      ),
    );
    return answer.body;
  }
}
