import { Inject, Injectable } from '@nestjs/common';
import { RoadTravel } from '@circle/coverage';
import type { BusinessCode } from '@circle/stations';
import {
  BusinessNotHandledHere,
  PlacedStation,
  TravelBasis,
  nearestByRoad,
  nearestStationsFor,
  stationsHandling,
  straightLine,
} from '../domain/nearest-stations';
import type { WalkinsSettings } from '../domain/walkins-settings';
import { WALKINS_SETTINGS } from '../walkins.config';

/**
 * "This station does not handle that; go to …": the nearest stations that do, by road minutes
 * on the same geography and function the supervisor's coverage uses, or by straight line at
 * WALKINS_TRAVEL_KMH while no geography has been imported.
 */
@Injectable()
export class StationReferral {
  constructor(
    private readonly roads: RoadTravel,
    @Inject(WALKINS_SETTINGS) private readonly settings: WalkinsSettings,
  ) {}

  async wrongStation(
    business: BusinessCode,
    from: PlacedStation,
    district: readonly PlacedStation[],
  ): Promise<BusinessNotHandledHere> {
    const candidates = stationsHandling(business, from, district);
    const road = await this.roads.trips(
      from.location,
      candidates.map((s) => s.location),
    );
    const byRoad = road && nearestByRoad(candidates, road.trips);
    // No geography yet, or one on which no candidate can be placed (a station off its roads):
    // a resident is never sent away without a station to go to.
    if (!road || !byRoad || (byRoad.length === 0 && candidates.length > 0))
      return new BusinessNotHandledHere(
        business,
        from.stationId,
        nearestStationsFor(business, from, district, this.settings.travelKmh),
        straightLine(this.settings.travelKmh),
      );
    const travel: TravelBasis = {
      method: 'road-network',
      mode: road.mode,
      geographyId: road.geographyId,
      synthetic: road.synthetic,
      note: `door-to-door ${road.mode} minutes on the district's road network${road.synthetic ? ' (synthetic demo geography)' : ''}, as the coverage counts them`,
    };
    return new BusinessNotHandledHere(business, from.stationId, byRoad, travel);
  }
}
