import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CounterSchema } from '../http/walkins.schemas';
import type { CounterEntry } from '../domain/queue-view';
import { ReadQueueQuery } from '../read-queue/read-queue.query';

@ApiTags('walk-ins (read side)')
@ApiBearerAuth()
@Controller('stations/:stationId/counters')
export class ReadCountersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A station's counters: state, skills, clerk, current ticket" })
  @ApiOkResponse({ type: CounterSchema, isArray: true })
  async counters(@Param('stationId') stationId: string): Promise<readonly CounterEntry[]> {
    return (await this.queries.execute(new ReadQueueQuery(stationId))).counters;
  }
}
