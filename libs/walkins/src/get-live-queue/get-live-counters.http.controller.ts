import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CounterEntry } from '../domain/queue-view';
import { CounterSchema } from '../http/walkins.schemas';
import { GetLiveQueueQuery } from './get-live-queue.query';

@ApiTags('counters')
@ApiBearerAuth()
@Controller('stations/:stationId/counters')
export class GetLiveCountersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "The station's counters now: state, skills, clerk, current ticket" })
  @ApiOkResponse({ type: CounterSchema, isArray: true })
  async counters(@Param('stationId') stationId: string): Promise<readonly CounterEntry[]> {
    return (await this.queries.execute(new GetLiveQueueQuery(stationId))).counters;
  }
}
