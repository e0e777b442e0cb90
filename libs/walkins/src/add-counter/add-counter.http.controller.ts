import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { IDEMPOTENCY_HEADER } from '@circle/event-store';
import { CurrentPrincipal, Principal, Roles } from '@circle/platform';
import { commandContext } from '../http/command-context';
import { CounterSchema } from '../http/walkins.schemas';
import { AddCounterCommand } from './add-counter.command';
import { AddCounterRequest } from './add-counter.request.dto';

@ApiTags('counters')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('stations/:stationId/counters')
export class AddCounterController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a counter (admin); it starts closed' })
  @ApiCreatedResponse({ type: CounterSchema })
  @ApiConflictResponse({ description: 'counter_exists' })
  async add(
    @Param('stationId') stationId: string,
    @Body() body: AddCounterRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<unknown> {
    const answer = await this.commands.execute(
      new AddCounterCommand(
        stationId,
        body.counterId,
        commandContext(request, principal, stationId),
        body.skills,
      ),
    );
    return answer.body;
  }
}
