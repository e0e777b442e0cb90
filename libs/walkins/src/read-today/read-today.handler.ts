import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../clock';
import { queueDayOf } from '../domain/queue-day';
import { WalkinsReadModel } from '../read-side/walkins-read-model';
import { ClerkFigures, StationFigures, clerkFigures, stationFigures } from './figures';
import { ReadClerksTodayQuery, ReadTodayQuery } from './read-today.query';

@QueryHandler(ReadTodayQuery)
export class ReadTodayHandler implements IQueryHandler<ReadTodayQuery> {
  constructor(
    private readonly model: WalkinsReadModel,
    private readonly clock: Clock,
  ) {}

  async execute({ stationId }: ReadTodayQuery): Promise<StationFigures> {
    await this.model.station(stationId);
    return stationFigures(await this.model.today(stationId, queueDayOf(this.clock.now())));
  }
}

@QueryHandler(ReadClerksTodayQuery)
export class ReadClerksTodayHandler implements IQueryHandler<ReadClerksTodayQuery> {
  constructor(
    private readonly model: WalkinsReadModel,
    private readonly clock: Clock,
  ) {}

  async execute({ stationId }: ReadClerksTodayQuery): Promise<ClerkFigures[]> {
    await this.model.station(stationId);
    const rows = await this.model.clerksToday(stationId, queueDayOf(this.clock.now()));
    return rows.map(clerkFigures);
  }
}
