import fc from 'fast-check';
import { PathSearch } from './path-search';
import { RoadNetworkBuilder, type RoadNetwork } from './road-network';

/** The textbook search, one node at a time by the least minutes: what PathSearch must equal. */
function reference(
  network: RoadNetwork,
  edgeMinutes: Float32Array,
  sources: readonly { node: number; minutes: number }[],
  limit: number,
): number[] {
  const minutes = new Array<number>(network.nodeCount).fill(Infinity);
  const done = new Array<boolean>(network.nodeCount).fill(false);
  for (const s of sources)
    if (s.minutes <= limit) minutes[s.node] = Math.min(minutes[s.node] ?? Infinity, s.minutes);
  for (;;) {
    let node = -1;
    for (let n = 0; n < network.nodeCount; n++)
      if (
        !done[n] &&
        (minutes[n] ?? Infinity) < Infinity &&
        (node < 0 || (minutes[n] ?? 0) < (minutes[node] ?? 0))
      )
        node = n;
    if (node < 0) return minutes;
    done[node] = true;
    for (let e = network.firstEdge[node] ?? 0; e < (network.firstEdge[node + 1] ?? 0); e++) {
      const there = (minutes[node] ?? 0) + (edgeMinutes[e] ?? Infinity);
      const next = network.edgeTarget[e] ?? 0;
      if (there <= limit && there < (minutes[next] ?? Infinity)) minutes[next] = there;
    }
  }
}

const NODES = 12;
const graph = fc.record({
  segments: fc.array(
    fc.record({
      a: fc.nat(NODES - 1),
      b: fc.nat(NODES - 1),
      km: fc.double({ min: 0, max: 20, noNaN: true }),
    }),
    { maxLength: 30 },
  ),
  runs: fc.array(
    fc.record({
      sources: fc.array(
        fc.record({
          node: fc.nat(NODES - 1),
          minutes: fc.double({ min: 0, max: 90, noNaN: true }),
        }),
        { maxLength: 4 },
      ),
      limit: fc.constantFrom(Infinity, 15, 40),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type Drawn = typeof graph extends fc.Arbitrary<infer T> ? T : never;

/** The drawn roads between NODES points in a line, at 30 km/h: a minute per half km. */
function lineOf(segments: Drawn['segments']) {
  const builder = new RoadNetworkBuilder();
  for (let i = 0; i < NODES; i++) builder.addNode(116 + i * 0.01, 35);
  for (const s of segments) builder.addSegment(s.a, s.b, undefined, undefined, s.km);
  const network = builder.build();
  // A zero-length road costs nothing.
  return { network, edgeMinutes: Float32Array.from(network.edgeKm, (km) => km * 2) };
}

function expectMinutes(search: PathSearch, expected: readonly number[]): void {
  expected.forEach((m, n) => {
    if (m === Infinity) expect(search.minutes[n]).toBe(Infinity);
    else expect(search.minutes[n]).toBeCloseTo(m, 6);
  });
}

describe('the path search', () => {
  it('ends on roads and starts far shorter than a bucket could count', () => {
    const builder = new RoadNetworkBuilder();
    builder.addNode(116, 35);
    builder.addNode(116.01, 35);
    builder.addSegment(0, 1, undefined, undefined, 4.9e-32);
    const network = builder.build();
    const search = new PathSearch(network);
    search.run(
      Float32Array.from(network.edgeKm, (km) => km * 2),
      {
        nodes: Int32Array.of(0),
        minutes: Float64Array.of(1.2e-15),
      },
    );
    expect(search.minutes[1]).toBeCloseTo(1.2e-15, 20);
  });

  it('finds the same minutes as the textbook search, from sources starting at any minutes, run after run', () => {
    fc.assert(
      fc.property(graph, ({ segments, runs }) => {
        const { network, edgeMinutes } = lineOf(segments);
        const search = new PathSearch(network);
        for (const run of runs) {
          search.run(
            edgeMinutes,
            {
              nodes: Int32Array.from(run.sources, (s) => s.node),
              minutes: Float64Array.from(run.sources, (s) => s.minutes),
            },
            run.limit,
          );
          expectMinutes(search, reference(network, edgeMinutes, run.sources, run.limit));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('adding sources to an earlier run finds what one run from them all finds', () => {
    fc.assert(
      fc.property(graph, ({ segments, runs }) => {
        const { network, edgeMinutes } = lineOf(segments);
        const search = new PathSearch(network);
        const sourcesOf = (list: typeof runs) => ({
          nodes: Int32Array.from(list.flatMap((r) => r.sources.map((s) => s.node))),
          minutes: Float64Array.from(list.flatMap((r) => r.sources.map((s) => s.minutes))),
        });
        search.run(edgeMinutes, sourcesOf(runs.slice(0, 1)));
        for (let i = 1; i < runs.length; i++) {
          const known = search.minutes.slice();
          search.runFrom(known, edgeMinutes, sourcesOf(runs.slice(i, i + 1)));
        }
        const all = runs.flatMap((r) => r.sources);
        expectMinutes(search, reference(network, edgeMinutes, all, Infinity));
        // A plain run afterwards forgets what the added runs found.
        search.run(edgeMinutes, { nodes: new Int32Array(0), minutes: new Float64Array(0) });
        expect([...search.minutes].every((m) => m === Infinity)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
