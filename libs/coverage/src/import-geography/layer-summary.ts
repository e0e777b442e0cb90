import type { LayerSummary } from '../domain/geography.events';
import {
  CommunityProperties,
  FeatureCollection,
  RoadProperties,
  roadLinesOf,
} from '../domain/geojson-layers';
import { haversineKm } from '../domain/geo-point';

export function communitiesSummary(
  hash: string,
  layer: FeatureCollection<CommunityProperties>,
): LayerSummary & { population: number } {
  const population = layer.features.reduce((sum, f) => sum + f.properties.population, 0);
  return { hash, features: layer.features.length, population };
}

export function roadsSummary(
  hash: string,
  layer: FeatureCollection<RoadProperties>,
): LayerSummary & { km: number } {
  let km = 0;
  for (const line of roadLinesOf(layer))
    for (let i = 1; i < line.coordinates.length; i++) {
      const [a, b] = [line.coordinates[i - 1] ?? [], line.coordinates[i] ?? []];
      km += haversineKm(a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0);
    }
  return { hash, features: layer.features.length, km: Math.round(km * 100) / 100 };
}

/** Whether the file says it is made up: a foreign member at the top, or on every feature. */
export function isSynthetic(layer: { synthetic?: unknown; features: readonly unknown[] }): boolean {
  if (layer.synthetic === true) return true;
  return (
    layer.features.length > 0 &&
    layer.features.every(
      (f) => (f as { properties?: { synthetic?: unknown } }).properties?.synthetic === true,
    )
  );
}
