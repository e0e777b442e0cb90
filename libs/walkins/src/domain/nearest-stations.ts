import { DomainError } from '@circle/kernel';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { GeoPoint } from '../../../stations/src/domain/demo-district';

export interface PlacedStation {
  readonly stationId: string;
  readonly name: string;
  readonly nameEn: string;
  readonly location: GeoPoint;
  readonly businesses: readonly BusinessCode[];
}

export interface NearbyStation {
  readonly stationId: string;
  readonly name: string;
  readonly nameEn: string;
  readonly distanceKm: number;
  readonly travelMinutes: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance: straight line, not road, until the coverage work brings road times. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function nearestStationsFor(
  business: BusinessCode,
  from: PlacedStation,
  stations: readonly PlacedStation[],
  travelKmh: number,
  limit = 3,
): NearbyStation[] {
  return stations
    .filter((s) => s.stationId !== from.stationId && s.businesses.includes(business))
    .map((s) => {
      const km = haversineKm(from.location, s.location);
      return {
        stationId: s.stationId,
        name: s.name,
        nameEn: s.nameEn,
        distanceKm: Math.round(km * 100) / 100,
        travelMinutes: Math.max(1, Math.ceil((km / travelKmh) * 60)),
      };
    })
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}

/** 422 naming the nearest stations that handle the business, and how travel was reckoned. */
export class BusinessNotHandledHere extends DomainError {
  constructor(
    business: BusinessCode,
    stationId: string,
    readonly nearest: readonly NearbyStation[],
    travelKmh: number,
  ) {
    const advice = nearest.length
      ? `; nearest: ${nearest.map((s) => `${s.stationId} (${s.travelMinutes} min)`).join(', ')}`
      : '';
    super(
      'rule',
      'wrong_station',
      `station ${stationId} does not handle ${business}${advice}`,
      [{ field: 'business', problem: `is not handled at station ${stationId}` }],
      {
        business,
        nearestStations: nearest,
        travel: {
          method: 'straight-line',
          speedKmh: travelKmh,
          note: `haversine distance at ${travelKmh} km/h (e-bike); road travel times are not used yet`,
        },
      },
    );
  }
}
