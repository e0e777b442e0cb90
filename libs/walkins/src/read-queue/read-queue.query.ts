import { Query } from '@nestjs/cqrs';
import type { QueueReading } from './queue-reading';

export class ReadQueueQuery extends Query<QueueReading> {
  constructor(readonly stationId: string) {
    super();
  }
}
