import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QueueReading } from './queue-reading';
import { ReadQueueQuery } from './read-queue.query';
import { QueueReadingSchema } from '../get-live-queue/live-queue.schemas';

@ApiTags('walk-ins (read side)')
@ApiBearerAuth()
@Controller('stations/:stationId/queue')
export class ReadQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A station's waiting tickets in call order (read model)",
    description:
      'Fed by the walkins projection from Kafka, so it trails the station by the relay and ' +
      'projection lag (usually well under a second). Each ticket has its position and wait range.',
  })
  @ApiOkResponse({
    type: QueueReadingSchema,
    description: '{stationId, day, waiting[], counters[], priorityStreak}',
  })
  queue(@Param('stationId') stationId: string): Promise<QueueReading> {
    return this.queries.execute(new ReadQueueQuery(stationId));
  }
}
