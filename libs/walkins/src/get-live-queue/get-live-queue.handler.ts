import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CounterNotFound } from '../../../stations/src/domain/station.errors';
import { findCounter } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import { GetLiveQueueQuery } from './get-live-queue.query';
import type { LiveQueue } from './live-queue';

@QueryHandler(GetLiveQueueQuery)
export class GetLiveQueueHandler implements IQueryHandler<GetLiveQueueQuery> {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetLiveQueueQuery): Promise<LiveQueue> {
    const station = await this.stations.station(query.stationId);
    const { day, view } = await this.queues.today(station, this.clock.now());
    const head = {
      stationId: station.stationId,
      day,
      openingHours: station.openingHours,
      fairnessRatio: station.fairnessRatio,
    };
    if (query.counterId === undefined) return { ...head, ...view };
    const counter = findCounter(station, query.counterId);
    if (!counter) throw new CounterNotFound(station.stationId, query.counterId);
    const waiting = view.waiting.filter(
      (t) =>
        counter.skills.includes(t.business) &&
        (t.reservedCounterId === undefined || t.reservedCounterId === counter.counterId),
    );
    return { ...head, counterId: counter.counterId, ...view, waiting };
  }
}
