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

/** Great-circle distance: the straight-line fallback when no road geography is loaded. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The other stations that handle the business: where a resident may be sent. */
export function stationsHandling(
  business: BusinessCode,
  from: PlacedStation,
  stations: readonly PlacedStation[],
): PlacedStation[] {
  return stations.filter((s) => s.stationId !== from.stationId && s.businesses.includes(business));
}

/** Straight-line advice, for when no road geography has been imported. */
export function nearestStationsFor(
  business: BusinessCode,
  from: PlacedStation,
  stations: readonly PlacedStation[],
  travelKmh: number,
  limit = 3,
): NearbyStation[] {
  return stationsHandling(business, from, stations)
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

/** A road trip to each candidate, in the candidates' order; undefined: no road joins them. */
export type RoadTripTo = { readonly minutes: number; readonly km: number } | undefined;

/** The quickest candidates by road, door to door; those no road reaches are left out. */
export function nearestByRoad(
  candidates: readonly PlacedStation[],
  trips: readonly RoadTripTo[],
  limit = 3,
): NearbyStation[] {
  return candidates
    .flatMap((s, i) => {
      const trip = trips[i];
      if (!trip) return [];
      return [
        {
          stationId: s.stationId,
          name: s.name,
          nameEn: s.nameEn,
          distanceKm: trip.km,
          travelMinutes: Math.max(1, Math.ceil(trip.minutes)),
        },
      ];
    })
    .sort((a, b) => a.travelMinutes - b.travelMinutes || a.distanceKm - b.distanceKm)
    .slice(0, limit);
}

/** How the travel minutes of an advice were reckoned (CONTRACT: `travel: {method, ...}`). */
export type TravelBasis =
  | { readonly method: 'straight-line'; readonly speedKmh: number; readonly note: string }
  | {
      readonly method: 'road-network';
      readonly mode: string;
      readonly geographyId: string;
      readonly synthetic: boolean;
      readonly note: string;
    };

export function straightLine(travelKmh: number): TravelBasis {
  return {
    method: 'straight-line',
    speedKmh: travelKmh,
    note: `haversine distance at ${travelKmh} km/h (e-bike): no road geography has been imported`,
  };
}

/** 422 naming the nearest stations that handle the business, and how travel was reckoned. */
export class BusinessNotHandledHere extends DomainError {
  constructor(
    business: BusinessCode,
    stationId: string,
    readonly nearest: readonly NearbyStation[],
    travel: TravelBasis,
  ) {
    const advice = nearest.length
      ? `; nearest: ${nearest.map((s) => `${s.stationId} (${s.travelMinutes} min)`).join(', ')}`
      : '';
    super(
      'rule',
      'wrong_station',
      `station ${stationId} does not handle ${business}${advice}`,
      [{ field: 'business', problem: `is not handled at station ${stationId}` }],
      { business, nearestStations: nearest, travel },
    );
  }
}
