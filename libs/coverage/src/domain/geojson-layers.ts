import type { Community } from './community';
import type { RoadLine } from './road-network';
import type { RoadClass } from './travel-modes';

type Position = readonly number[];

/** The geometries an import accepts (RFC 7946), as the schema has already checked them. */
export type LayerGeometry =
  | { readonly type: 'Point'; readonly coordinates: Position }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
  | {
      readonly type: 'MultiPolygon';
      readonly coordinates: readonly (readonly (readonly Position[])[])[];
    }
  | { readonly type: 'LineString'; readonly coordinates: readonly Position[] }
  | { readonly type: 'MultiLineString'; readonly coordinates: readonly (readonly Position[])[] };

export interface LayerFeature<P> {
  readonly type: 'Feature';
  readonly geometry: LayerGeometry;
  readonly properties: P;
}

export interface FeatureCollection<P> {
  readonly type: 'FeatureCollection';
  readonly features: readonly LayerFeature<P>[];
}

export interface CommunityProperties {
  readonly communityId: string;
  readonly name?: string;
  readonly population: number;
  readonly synthetic?: boolean;
}

export interface RoadProperties {
  readonly class?: RoadClass;
  readonly speedKmh?: number;
  readonly name?: string;
  readonly synthetic?: boolean;
}

export function communitiesOf(layer: FeatureCollection<CommunityProperties>): Community[] {
  return layer.features.map((f) => {
    const [lon, lat] = centreOf(f.geometry);
    const { communityId, name, population } = f.properties;
    return { communityId, ...(name ? { name } : {}), population, lon, lat };
  });
}

export function roadLinesOf(layer: FeatureCollection<RoadProperties>): RoadLine[] {
  return layer.features.flatMap((f) => {
    const lines =
      f.geometry.type === 'LineString'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates
          : [];
    const { class: roadClass, speedKmh } = f.properties;
    return lines.map((coordinates) => ({
      coordinates,
      ...(roadClass ? { roadClass } : {}),
      ...(speedKmh ? { speedKmh } : {}),
    }));
  });
}

/** A point as given; a polygon's area-weighted centroid (its outer rings', holes ignored). */
export function centreOf(geometry: LayerGeometry): [number, number] {
  if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
  const rings: (readonly Position[])[] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0] ?? []]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((p) => p[0] ?? [])
        : geometry.type === 'LineString'
          ? [geometry.coordinates]
          : geometry.coordinates.map((line) => line);
  let area = 0;
  let x = 0;
  let y = 0;
  for (const ring of rings) {
    const c = ringCentroid(ring);
    area += c.area;
    x += c.x * c.area;
    y += c.y * c.area;
  }
  if (area !== 0) return [x / area, y / area];
  return vertexMean(rings.flat(1) as Position[]);
}

function ringCentroid(ring: readonly Position[]): { area: number; x: number; y: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = [ring[i][0], ring[i][1]];
    const [x1, y1] = [ring[i + 1][0], ring[i + 1][1]];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { area: 0, x: 0, y: 0 };
  // Signed area: a ring drawn either way round gives the same centroid.
  return { area: Math.abs(twiceArea / 2), x: cx / (3 * twiceArea), y: cy / (3 * twiceArea) };
}

function vertexMean(points: readonly Position[]): [number, number] {
  const n = Math.max(1, points.length);
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}
