import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CounterNotFound } from '../../../stations/src/domain/station.errors';
import { findCounter } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { counterHistory, type CounterHistory } from '../domain/counter-history';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { ReadCounterHistoryQuery } from './read-counter-history.query';

/**
 * Read from the day's queue stream, as the console's own queue is, so a ticket the clerk has
 * just completed is in it at once rather than after the relay and the projections.
 */
@QueryHandler(ReadCounterHistoryQuery)
export class ReadCounterHistoryHandler implements IQueryHandler<ReadCounterHistoryQuery> {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
  ) {}

  async execute(query: ReadCounterHistoryQuery): Promise<CounterHistory & { day: string }> {
    const station = await this.stations.station(query.stationId);
    if (!findCounter(station, query.counterId))
      throw new CounterNotFound(station.stationId, query.counterId);
    const { day, state } = await this.queues.today(station, this.clock.now());
    return { day, ...counterHistory(state, query.counterId) };
  }
}
