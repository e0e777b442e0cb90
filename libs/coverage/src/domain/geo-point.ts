/** A place on the map, WGS 84 degrees as GeoJSON writes them. */
export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance; road segments are short enough that it is their length. */
export function haversineKm(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const h =
    Math.sin(rad(bLat - aLat) / 2) ** 2 +
    Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(rad(bLon - aLon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const KM_PER_DEGREE_LAT = 110.574;
export const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
