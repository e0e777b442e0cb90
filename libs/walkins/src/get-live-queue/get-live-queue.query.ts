import { Query } from '@nestjs/cqrs';
import type { LiveQueue } from './live-queue';

export class GetLiveQueueQuery extends Query<LiveQueue> {
  constructor(
    readonly stationId: string,
    readonly counterId?: string,
  ) {
    super();
  }
}
