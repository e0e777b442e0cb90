import { Query } from '@nestjs/cqrs';
import type { CounterHistory } from '../domain/counter-history';

export class ReadCounterHistoryQuery extends Query<CounterHistory & { day: string }> {
  constructor(
    readonly stationId: string,
    readonly counterId: string,
  ) {
    super();
  }
}
