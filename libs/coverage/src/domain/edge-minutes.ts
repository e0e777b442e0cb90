import { NO_CLASS, RoadNetwork } from './road-network';
import { ROAD_CLASSES, ModeSpeeds } from './travel-modes';

/**
 * The km/h a mode makes on one edge: 0 when its class is closed to the mode; a road's own speed
 * (capped at the mode's top speed: a walker is no faster on a fast road); else its class's.
 */
export function edgeKmh(speeds: ModeSpeeds, roadClass: number, ownKmh: number): number {
  const byClass = roadClass === NO_CLASS ? undefined : speeds.roads[ROAD_CLASSES[roadClass]];
  if (byClass === 0) return 0;
  if (ownKmh > 0) return Math.min(ownKmh, speeds.maxKmh);
  return byClass ?? 0;
}

/** Minutes to travel each directed edge in one mode; Infinity where the mode may not go. */
export function edgeMinutes(network: RoadNetwork, speeds: ModeSpeeds): Float32Array {
  const minutes = new Float32Array(network.edgeTarget.length);
  // 7 classes × few distinct own speeds: look each combination up once, not per edge.
  const memo = new Map<number, number>();
  for (let e = 0; e < minutes.length; e++) {
    const cls = network.edgeClass[e];
    const own = network.edgeKmh[e];
    const key = cls * 100_000 + own;
    let kmh = memo.get(key);
    if (kmh === undefined) {
      kmh = edgeKmh(speeds, cls, own);
      memo.set(key, kmh);
    }
    minutes[e] = kmh > 0 ? (network.edgeKm[e] / kmh) * 60 : Infinity;
  }
  return minutes;
}
