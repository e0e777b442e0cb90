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

  /**
   * The network, its nodes numbered along a Z-order curve over their places: a search visits
   * a node's neighbours next, and with nearby places on nearby numbers they share cache lines
   * (a fifth off a province's sweep). Ids addNode gave name nodes only until this call.
   */
  build(): RoadNetwork {
    const nodeCount = this.lons.length;
    const numbered = this.curveNumbers();
    const from = this.from.map((n) => numbered[n] as number);
    const to = this.to.map((n) => numbered[n] as number);
    const firstEdge = edgeOffsets(nodeCount, from, to);
    const network = emptyNetwork(nodeCount, from.length * 2, firstEdge);
    for (let n = 0; n < nodeCount; n++) {
      network.lon[numbered[n] as number] = this.lons[n] as number;
      network.lat[numbered[n] as number] = this.lats[n] as number;
    }
    const next = firstEdge.slice(0, nodeCount);
    for (let s = 0; s < from.length; s++) {
      const a = from[s] as number;
      const b = to[s] as number;
      this.link(network, next[a]++, b, s);
      this.link(network, next[b]++, a, s);
    }
    return network;
  }

  /** Per node as added, its number along the curve; ties keep the order added. */
  private curveNumbers(): Int32Array {
    const count = this.lons.length;
    const [lonLow, lonSpan] = spanOf(this.lons);
    const [latLow, latSpan] = spanOf(this.lats);
    const codes = new Float64Array(count);
    for (let n = 0; n < count; n++) {
      const x = Math.floor(((this.lons[n] as number) - lonLow) * lonSpan);
      const y = Math.floor(((this.lats[n] as number) - latLow) * latSpan);
      codes[n] = zOrder(x, y);
    }
    const numbered = new Int32Array(count);
    // Code and node packed in one double (32 + 21 bits, exact) sort natively, many times
    // faster than a comparator over a province's million nodes.
    if (count <= PACKED_NODES) {
      for (let n = 0; n < count; n++) codes[n] = (codes[n] as number) * PACKED_NODES + n;
      codes.sort();
      codes.forEach((packed, place) => (numbered[packed % PACKED_NODES] = place));
      return numbered;
    }
    const order = Array.from({ length: count }, (_, n) => n);
    order.sort((a, b) => (codes[a] as number) - (codes[b] as number) || a - b);
    order.forEach((node, place) => (numbered[node] = place));
    return numbered;
  }

  private link(network: RoadNetwork, edge: number, head: number, segment: number): void {
    network.edgeTarget[edge] = head;
    network.edgeKm[edge] = this.km[segment] as number;
    network.edgeClass[edge] = this.cls[segment] as number;
    network.edgeKmh[edge] = this.kmh[segment] as number;
  }
}

function edgeOffsets(nodeCount: number, from: number[], to: number[]): Int32Array {
  const firstEdge = new Int32Array(nodeCount + 1);
  for (let s = 0; s < from.length; s++) {
    firstEdge[(from[s] as number) + 1]++;
    firstEdge[(to[s] as number) + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) firstEdge[n + 1] += firstEdge[n];
  return firstEdge;
}

const PACKED_NODES = 2 ** 21;

/** The lowest value and the factor that spreads the range over 16 bits. */
function spanOf(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return high > low ? [low, 65535 / (high - low)] : [low || 0, 0];
}

/** The bits of x and y interleaved: places near each other get numbers near each other. */
function zOrder(x: number, y: number): number {
  let code = 0;
  for (let bit = 15; bit >= 0; bit--) code = code * 4 + ((y >> bit) & 1) * 2 + ((x >> bit) & 1);
  return code;
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
