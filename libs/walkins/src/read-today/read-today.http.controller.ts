import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClerkFigures, StationFigures } from './figures';
import { ReadClerksTodayQuery, ReadTodayQuery } from './read-today.query';

@ApiTags('walk-ins (read side)')
@ApiBearerAuth()
@Controller('stations/:stationId/today')
export class ReadTodayController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "Today's figures of a station (Asia/Shanghai day)" })
  @ApiOkResponse({ type: StationFigures })
  today(@Param('stationId') stationId: string): Promise<StationFigures> {
    return this.queries.execute(new ReadTodayQuery(stationId));
  }

  @Get('clerks')
  @ApiOperation({ summary: "Today's figures per clerk at a station" })
  @ApiOkResponse({ type: ClerkFigures, isArray: true })
  clerks(@Param('stationId') stationId: string): Promise<ClerkFigures[]> {
    return this.queries.execute(new ReadClerksTodayQuery(stationId));
  }
}
