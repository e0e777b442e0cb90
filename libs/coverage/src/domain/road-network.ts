import { haversineKm } from './geo-point';
import { ROAD_CLASSES, RoadClass } from './travel-modes';

/** No class given: the road's own speed decides. */
export const NO_CLASS = 255;

/**
 * The road graph in compressed sparse rows: the edges leaving node `n` are
 * `firstEdge[n] … firstEdge[n + 1] - 1`. Every road is two-way, stored as two directed edges,
 * because the district's files carry no one-way tags; typed arrays keep a province of a million
 * nodes in a few tens of megabytes and let the searches run without allocating.
 */
export interface RoadNetwork {
  readonly nodeCount: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly firstEdge: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeKm: Float32Array;
  /** Index into ROAD_CLASSES, or NO_CLASS. */
  readonly edgeClass: Uint8Array;
  /** The road's own speed in km/h, or 0 when its class decides. */
  readonly edgeKmh: Float32Array;
}

/** One road as the import hands it over: a line of [lon, lat] points. */
export interface RoadLine {
  readonly coordinates: readonly (readonly number[])[];
  readonly roadClass?: RoadClass;
  readonly speedKmh?: number;
}

/** Collects nodes and two-way segments, then lays them out as a RoadNetwork. */
export class RoadNetworkBuilder {
  private lons: number[] = [];
  private lats: number[] = [];
  private readonly byPlace = new Map<string, number>();
  private from: number[] = [];
  private to: number[] = [];
  private km: number[] = [];
  private cls: number[] = [];
  private kmh: number[] = [];

  /** A node at a place; lines that share a point (to 1 cm) share the node and so connect. */
  nodeAt(lon: number, lat: number): number {
    const key = `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;
    const known = this.byPlace.get(key);
    if (known !== undefined) return known;
    const node = this.addNode(lon, lat);
    this.byPlace.set(key, node);
    return node;
  }

  /** A node of its own, for generated networks whose points never coincide. */
  addNode(lon: number, lat: number): number {
    this.lons.push(lon);
    this.lats.push(lat);
    return this.lons.length - 1;
  }

  addSegment(a: number, b: number, roadClass?: RoadClass, speedKmh?: number, km?: number): void {
    if (a === b) return;
    const length =
      km ?? haversineKm(this.lons[a] ?? 0, this.lats[a] ?? 0, this.lons[b] ?? 0, this.lats[b] ?? 0);
    this.from.push(a);
    this.to.push(b);
    this.km.push(length);
    this.cls.push(roadClass ? ROAD_CLASSES.indexOf(roadClass) : NO_CLASS);
    this.kmh.push(speedKmh ?? 0);
  }

  addLine(line: RoadLine): void {
    let previous = -1;
    for (const point of line.coordinates) {
      const node = this.nodeAt(point[0] ?? 0, point[1] ?? 0);
      if (previous >= 0) this.addSegment(previous, node, line.roadClass, line.speedKmh);
      previous = node;
    }
  }

  build(): RoadNetwork {
    const nodeCount = this.lons.length;
    const firstEdge = this.edgeOffsets(nodeCount);
    const network = emptyNetwork(nodeCount, this.from.length * 2, firstEdge);
    network.lon.set(this.lons);
    network.lat.set(this.lats);
    const next = firstEdge.slice(0, nodeCount);
    for (let s = 0; s < this.from.length; s++) {
      const a = this.from[s] as number;
      const b = this.to[s] as number;
      this.link(network, next[a]++, b, s);
      this.link(network, next[b]++, a, s);
    }
    return network;
  }

  private link(network: RoadNetwork, edge: number, head: number, segment: number): void {
    network.edgeTarget[edge] = head;
    network.edgeKm[edge] = this.km[segment] as number;
    network.edgeClass[edge] = this.cls[segment] as number;
    network.edgeKmh[edge] = this.kmh[segment] as number;
  }

  private edgeOffsets(nodeCount: number): Int32Array {
    const firstEdge = new Int32Array(nodeCount + 1);
    for (let s = 0; s < this.from.length; s++) {
      firstEdge[(this.from[s] as number) + 1]++;
      firstEdge[(this.to[s] as number) + 1]++;
    }
    for (let n = 0; n < nodeCount; n++) firstEdge[n + 1] += firstEdge[n];
    return firstEdge;
  }
}

function emptyNetwork(nodeCount: number, edges: number, firstEdge: Int32Array): RoadNetwork {
  return {
    nodeCount,
    lon: new Float64Array(nodeCount),
    lat: new Float64Array(nodeCount),
    firstEdge,
    edgeTarget: new Int32Array(edges),
    edgeKm: new Float32Array(edges),
    edgeClass: new Uint8Array(edges),
    edgeKmh: new Float32Array(edges),
  };
}

export function roadNetworkOf(lines: Iterable<RoadLine>): RoadNetwork {
  const builder = new RoadNetworkBuilder();
  for (const line of lines) builder.addLine(line);
  return builder.build();
}
