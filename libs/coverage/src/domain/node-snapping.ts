import KDBush from 'kdbush';
import { KM_PER_DEGREE_LAT, KM_PER_DEGREE_LON_AT_EQUATOR, haversineKm } from './geo-point';
import type { RoadNetwork } from './road-network';

/** The road node a place joins the network at, and how far off the road the place lies. */
export interface Snap {
  readonly node: number;
  readonly km: number;
}

export const NOT_SNAPPED: Snap = { node: -1, km: Infinity };

// A district is a few tens of km across, a province a few hundred: searching outward from 250 m
// finds a node in a handful of rounds, and nothing past 50 km counts as on the network.
const FIRST_RADIUS_KM = 0.25;
const MAX_RADIUS_KM = 50;

/**
 * Nearest-node lookups over the nodes a mode can leave from, on a kdbush index kept for the
 * geography's lifetime. Points are laid out in km on a plane through the network's mean
 * latitude, close enough over a province to pick the nearest node; the distance reported
 * is the great-circle one.
 */
export class NodeIndex {
  private readonly index: KDBush;
  private readonly nodes: Int32Array;
  private readonly kmPerLon: number;

  constructor(
    private readonly network: RoadNetwork,
    usable: (node: number) => boolean,
  ) {
    this.nodes = usableNodes(network, usable);
    this.kmPerLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((meanLat(network) * Math.PI) / 180);
    this.index = new KDBush(this.nodes.length, 64, Float64Array);
    for (const node of this.nodes)
      this.index.add(network.lon[node] * this.kmPerLon, network.lat[node] * KM_PER_DEGREE_LAT);
    this.index.finish();
  }

  get size(): number {
    return this.nodes.length;
  }

  nearest(lon: number, lat: number): Snap {
    if (this.nodes.length === 0) return NOT_SNAPPED;
    const x = lon * this.kmPerLon;
    const y = lat * KM_PER_DEGREE_LAT;
    for (let radius = FIRST_RADIUS_KM; radius <= MAX_RADIUS_KM * 2; radius *= 2) {
      const found = this.index.within(x, y, Math.min(radius, MAX_RADIUS_KM));
      if (found.length > 0) return this.closest(found, lon, lat);
      if (radius >= MAX_RADIUS_KM) break;
    }
    return NOT_SNAPPED;
  }

  private closest(found: readonly number[], lon: number, lat: number): Snap {
    let best = NOT_SNAPPED;
    for (const id of found) {
      const node = this.nodes[id];
      const km = haversineKm(lon, lat, this.network.lon[node], this.network.lat[node]);
      // Ties go to the lower node id, so the same file always snaps the same way.
      if (km < best.km || (km === best.km && node < best.node)) best = { node, km };
    }
    return best;
  }
}

function usableNodes(network: RoadNetwork, usable: (node: number) => boolean): Int32Array {
  const nodes: number[] = [];
  for (let n = 0; n < network.nodeCount; n++) if (usable(n)) nodes.push(n);
  return Int32Array.from(nodes);
}

function meanLat(network: RoadNetwork): number {
  let sum = 0;
  for (let n = 0; n < network.nodeCount; n++) sum += network.lat[n];
  return network.nodeCount ? sum / network.nodeCount : 0;
}

/** Nodes with at least one edge the mode can travel. */
export function leavableBy(network: RoadNetwork, edgeMinutes: Float32Array) {
  return (node: number): boolean => {
    for (let e = network.firstEdge[node]; e < network.firstEdge[node + 1]; e++)
      if (edgeMinutes[e] < Infinity) return true;
    return false;
  };
}
