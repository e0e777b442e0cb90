import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CounterHistory } from '../domain/counter-history';
import { CounterHistorySchema } from './counter-history.schemas';
import { ReadCounterHistoryQuery } from './read-counter-history.query';

@ApiTags('walk-ins')
@ApiBearerAuth()
@Controller('stations/:stationId/counters/:counterId/history')
export class ReadCounterHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A counter's history of the day",
    description:
      'The tickets the counter called and finished with today (Asia/Shanghai), newest first: ' +
      'number, business, outcome with its reason or record, call, start and end, service ' +
      'seconds; and the day counted by outcome.',
  })
  @ApiOkResponse({ type: CounterHistorySchema })
  history(
    @Param('stationId') stationId: string,
    @Param('counterId') counterId: string,
  ): Promise<CounterHistory & { day: string }> {
    return this.queries.execute(new ReadCounterHistoryQuery(stationId, counterId));
  }
}
