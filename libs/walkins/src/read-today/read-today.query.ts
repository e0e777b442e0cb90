import { Query } from '@nestjs/cqrs';
import type { ClerkFigures, StationFigures } from './figures';

export class ReadTodayQuery extends Query<StationFigures> {
  constructor(readonly stationId: string) {
    super();
  }
}

export class ReadClerksTodayQuery extends Query<ClerkFigures[]> {
  constructor(readonly stationId: string) {
    super();
  }
}
