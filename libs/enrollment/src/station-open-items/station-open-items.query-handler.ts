import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayRead } from '../shared/reading-station';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { StationOpenItemsQuery } from './station-open-items.query';
import { StationOpenItems, type OpenItem } from './station-open-items.reader';

const BUSINESS = { qualification: 'CHRONIC_QUALIFICATION', transfer: 'TRANSFER' } as const;

/** A clerk reads their own station's open items; supervisors and admins read every station's. */
@QueryHandler(StationOpenItemsQuery)
export class StationOpenItemsHandler implements IQueryHandler<StationOpenItemsQuery> {
  constructor(
    private readonly items: StationOpenItems,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
  ) {}

  execute({ kind, principal }: StationOpenItemsQuery): Promise<OpenItem[]> {
    assertMayRead(principal, BUSINESS[kind], this.served);
    const stationId = principal.role === 'clerk' ? (principal.stationId ?? null) : null;
    return this.items.pending(kind, stationId);
  }
}
