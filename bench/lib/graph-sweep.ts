import type { RoadNetwork } from '../../libs/coverage/src/domain';

/**
 * The floor under any search of the whole graph: a breadth-first sweep from the same sources
 * over the same compressed rows, with no weights and no heap. Measured beside the coverage
 * so a figure from a busy machine can be read against what the machine gave a plain loop.
 */
export function sweepFrom(network: RoadNetwork, sources: Int32Array): number {
  const { firstEdge, edgeTarget, nodeCount } = network;
  const seen = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const node of sources)
    if (!seen[node]) {
      seen[node] = 1;
      queue[tail++] = node;
    }
  while (head < tail) {
    const node = queue[head++] as number;
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number); e++) {
      const next = edgeTarget[e] as number;
      if (!seen[next]) {
        seen[next] = 1;
        queue[tail++] = next;
      }
    }
  }
  return tail;
}

/** Milliseconds of `work`, the median of `runs` runs after one warm-up. */
export function medianMs(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
