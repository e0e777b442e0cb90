import { NodeHeap } from './node-heap';
import type { RoadNetwork } from './road-network';

/** Where a search starts: a node and the minutes already spent reaching it. */
export interface SearchSources {
  readonly nodes: Int32Array;
  readonly minutes: Float64Array;
}

/**
 * Multi-source Dijkstra over one network, keeping its arrays between runs: a coverage recompute
 * runs it once per set of capable stations and mode, a siting proposal once per candidate, and
 * neither should allocate a million-entry array each time.
 */
export class PathSearch {
  /** Minutes from the nearest source after a run; Infinity where nothing reached. */
  readonly minutes: Float64Array;
  /** Road km along the path `minutes` took, when the run asked for it. */
  readonly km: Float64Array;
  private readonly heap: NodeHeap;
  private readonly reached: Int32Array;
  private reachedCount = 0;

  constructor(private readonly network: RoadNetwork) {
    this.minutes = new Float64Array(network.nodeCount).fill(Infinity);
    this.km = new Float64Array(network.nodeCount);
    this.heap = new NodeHeap(network.nodeCount);
    this.reached = new Int32Array(network.nodeCount);
  }

  /**
   * Fills `minutes` from the nearest source over `edgeMinutes`; nodes further than `limit` stay
   * Infinity (a siting candidate only cares about its own circle).
   */
  run(edgeMinutes: Float32Array, sources: SearchSources, limit = Infinity, trackKm = false): void {
    this.reset();
    for (let i = 0; i < sources.nodes.length; i++) {
      const node = sources.nodes[i];
      const start = sources.minutes[i];
      if (start <= limit && start < this.minutes[node]) {
        if (this.minutes[node] === Infinity) this.reached[this.reachedCount++] = node;
        this.minutes[node] = start;
        this.km[node] = 0;
        this.heap.push(node, start);
      }
    }
    this.settle(edgeMinutes, limit, trackKm);
  }

  /** The nodes the last run reached, for callers that visit only those. */
  reachedNodes(): Int32Array {
    return this.reached.subarray(0, this.reachedCount);
  }

  private settle(edgeMinutes: Float32Array, limit: number, trackKm: boolean): void {
    const { firstEdge, edgeTarget, edgeKm } = this.network;
    const { minutes, heap, reached, km } = this;
    while (heap.size > 0) {
      const node = heap.pop();
      const here = minutes[node];
      for (let e = firstEdge[node], end = firstEdge[node + 1]; e < end; e++) {
        const there = here + edgeMinutes[e];
        const next = edgeTarget[e];
        const before = minutes[next];
        if (there >= before || there > limit) continue;
        if (before === Infinity) reached[this.reachedCount++] = next;
        minutes[next] = there;
        if (trackKm) km[next] = km[node] + edgeKm[e];
        heap.push(next, there);
      }
    }
  }

  private reset(): void {
    this.heap.clear();
    if (this.reachedCount > this.network.nodeCount >> 2) this.minutes.fill(Infinity);
    else for (let i = 0; i < this.reachedCount; i++) this.minutes[this.reached[i]] = Infinity;
    this.reachedCount = 0;
  }
}
