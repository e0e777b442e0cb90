import { BucketQueue } from './bucket-queue';
import type { RoadNetwork } from './road-network';

/** Where a search starts: a node and the minutes already spent reaching it. */
export interface SearchSources {
  readonly nodes: Int32Array;
  readonly minutes: Float64Array;
}

/** How wide a search files its buckets over one mode's edge minutes, and its longest edge. */
interface BucketScale {
  readonly width: number;
  readonly longest: number;
}

// A ring of at most this many buckets: a few hundred KB, emptied once per search.
const MOST_BUCKETS = 1 << 16;

const scales = new WeakMap<Float32Array, BucketScale>();

function scaleOf(edgeMinutes: Float32Array): BucketScale {
  let scale = scales.get(edgeMinutes);
  if (scale) return scale;
  let shortest = Infinity;
  let longest = 0;
  for (let e = 0; e < edgeMinutes.length; e++) {
    const m = edgeMinutes[e];
    if (m === Infinity) continue;
    if (m > longest) longest = m;
    if (m > 0 && m < shortest) shortest = m;
  }
  const width = shortest === Infinity ? 1 : Math.max(shortest, longest / MOST_BUCKETS);
  scale = { width, longest };
  scales.set(edgeMinutes, scale);
  return scale;
}

/**
 * Multi-source shortest paths over one network with a bucket queue, keeping its arrays between
 * runs: a coverage recompute runs it once per set of capable stations and mode, a siting
 * proposal once per candidate, and neither should allocate a million-entry array each time.
 */
export class PathSearch {
  /** Minutes from the nearest source after a run; Infinity where nothing reached. */
  readonly minutes: Float64Array;
  /** Road km along the path `minutes` took, when the run asked for it. */
  readonly km: Float64Array;
  private readonly queue: BucketQueue;
  private readonly reached: Int32Array;
  private reachedCount = 0;
  /** The last run started from another run's minutes, so any node may hold a value. */
  private seeded = false;

  constructor(private readonly network: RoadNetwork) {
    this.minutes = new Float64Array(network.nodeCount).fill(Infinity);
    this.km = new Float64Array(network.nodeCount);
    this.queue = new BucketQueue(network.nodeCount);
    this.reached = new Int32Array(network.nodeCount);
  }

  /**
   * Fills `minutes` from the nearest source over `edgeMinutes`; nodes further than `limit` stay
   * Infinity (a siting candidate only cares about its own circle).
   */
  run(edgeMinutes: Float32Array, sources: SearchSources, limit = Infinity, trackKm = false): void {
    this.reset();
    this.search(edgeMinutes, sources, limit, trackKm);
  }

  /**
   * Fills `minutes` from the nearest of `sources` and of the sources that gave `known` (an
   * earlier run's minutes over the same edges). Only nodes the new sources bring nearer are
   * visited, so adding a few stations to many costs the few's share of the graph.
   * `reachedNodes` is then empty: the known minutes were reached by another run.
   */
  runFrom(known: Float64Array, edgeMinutes: Float32Array, sources: SearchSources): void {
    if (known !== this.minutes) this.minutes.set(known);
    this.reachedCount = 0;
    this.seeded = true;
    this.search(edgeMinutes, sources, Infinity, false);
  }

  private search(
    edgeMinutes: Float32Array,
    sources: SearchSources,
    limit: number,
    trackKm: boolean,
  ): void {
    const starts: number[] = [];
    for (let i = 0; i < sources.nodes.length; i++) {
      const node = sources.nodes[i];
      const start = sources.minutes[i];
      if (start <= limit && start < this.minutes[node]) {
        if (!this.seeded && this.minutes[node] === Infinity)
          this.reached[this.reachedCount++] = node;
        this.minutes[node] = start;
        this.km[node] = 0;
        starts.push(node);
      }
    }
    // Sources start at different minutes (a station some way off its road): each joins the
    // queue when the search reaches its minutes, so the ring need only span the longest edge.
    starts.sort((a, b) => this.minutes[a] - this.minutes[b]);
    const { width, longest } = scaleOf(edgeMinutes);
    // Bucket numbers must stay whole numbers a double holds exactly: however short the
    // shortest edge, a bucket is at least a 2^-50th of the longest path the search could take.
    const farthest = (this.minutes[starts.at(-1) ?? 0] ?? 0) + longest * this.network.nodeCount;
    const safeWidth = Math.max(width, farthest / 2 ** 50, Number.MIN_VALUE);
    this.queue.reset(safeWidth, longest);
    this.settle(edgeMinutes, limit, trackKm, starts);
  }

  /** The nodes the last run reached, for callers that visit only those. */
  reachedNodes(): Int32Array {
    return this.reached.subarray(0, this.reachedCount);
  }

  private settle(
    edgeMinutes: Float32Array,
    limit: number,
    trackKm: boolean,
    starts: readonly number[],
  ): void {
    const { firstEdge, edgeTarget, edgeKm } = this.network;
    const { minutes, queue, reached, km, seeded } = this;
    let joined = 0;
    while (queue.size > 0 || joined < starts.length) {
      // Nothing filed: the search jumps to the next source's minutes.
      if (queue.size === 0) queue.startAt(minutes[starts[joined]]);
      const bucket = queue.size > 0 ? queue.nextBucket() : queue.bucketOf(minutes[starts[joined]]);
      for (; joined < starts.length; joined++) {
        const source = starts[joined];
        if (queue.bucketOf(minutes[source]) > bucket) break;
        queue.push(source, minutes[source], minutes[source]);
      }
      if (queue.size === 0) continue;
      const node = queue.pop();
      const here = minutes[node];
      for (let e = firstEdge[node], end = firstEdge[node + 1]; e < end; e++) {
        const there = here + edgeMinutes[e];
        const next = edgeTarget[e];
        const before = minutes[next];
        if (there >= before || there > limit) continue;
        if (before === Infinity && !seeded) reached[this.reachedCount++] = next;
        minutes[next] = there;
        if (trackKm) km[next] = km[node] + edgeKm[e];
        queue.push(next, there, before);
      }
    }
  }

  private reset(): void {
    if (this.seeded || this.reachedCount > this.network.nodeCount >> 2) this.minutes.fill(Infinity);
    else for (let i = 0; i < this.reachedCount; i++) this.minutes[this.reached[i]] = Infinity;
    this.reachedCount = 0;
    this.seeded = false;
  }
}
