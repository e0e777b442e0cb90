import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetLiveQueueQuery } from './get-live-queue.query';
import type { LiveQueue } from './live-queue';
import { LiveQueueSchema } from './live-queue.schemas';

@ApiTags('walk-ins')
@ApiBearerAuth()
@Controller('stations/:stationId/queue')
export class GetLiveQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "Today's queue as the station sees it now (clerk console, kiosk, display board)",
    description:
      'Waiting tickets in call order with position and wait range, counters with the ticket ' +
      'at each, and the latest calls (newest first). With counterId: only what that counter ' +
      'may call. The supervisor app serves the same path from its read model.',
  })
  @ApiQuery({ name: 'counterId', required: false })
  @ApiOkResponse({
    type: LiveQueueSchema,
    description: '{stationId, day, waiting[], counters[], lastCalls[], priorityStreak}',
  })
  queue(
    @Param('stationId') stationId: string,
    @Query('counterId') counterId?: string,
  ): Promise<LiveQueue> {
    return this.queries.execute(new GetLiveQueueQuery(stationId, counterId));
  }
}
