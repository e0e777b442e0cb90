import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { RemoveCounterCommand } from './remove-counter.command';

@ApiTags('counters')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/counters/:counterId')
export class RemoveCounterController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a closed counter (admin)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'counter_still_open: close it first' })
  async remove(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<void> {
    await this.commands.execute(
      new RemoveCounterCommand(stationId, counterId, commandContext(request, principal, stationId)),
    );
  }
}
