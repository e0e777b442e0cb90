import fc from 'fast-check';
import { RoadNetworkBuilder, type RoadNetwork } from './road-network';

const place = (network: RoadNetwork, node: number) => `${network.lon[node]},${network.lat[node]}`;

/** Every directed edge as "from place → to place, km": what the numbering must not change. */
function roads(network: RoadNetwork): string[] {
  const all: string[] = [];
  for (let n = 0; n < network.nodeCount; n++)
    for (let e = network.firstEdge[n] ?? 0; e < (network.firstEdge[n + 1] ?? 0); e++)
      all.push(
        `${place(network, n)}→${place(network, network.edgeTarget[e] ?? -1)} ${network.edgeKm[e]}`,
      );
  return all.sort();
}

describe('the road network', () => {
  it('numbers nodes along the curve and keeps every road between the same places', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(20), fc.nat(20)), {
          minLength: 2,
          maxLength: 30,
          selector: ([x, y]) => `${x},${y}`,
        }),
        fc.array(fc.tuple(fc.nat(29), fc.nat(29), fc.integer({ min: 1, max: 50 }))),
        (drawn, segments) => {
          // The corners fix the span, so the curve's first split falls at 116.1, 35.1.
          const points = [
            [0, 0] as [number, number],
            [20, 20] as [number, number],
            ...drawn.filter(([x, y]) => !(x === 0 && y === 0) && !(x === 20 && y === 20)),
          ];
          const built = new RoadNetworkBuilder();
          const expected: string[] = [];
          for (const [x, y] of points) built.addNode(116 + x * 0.01, 35 + y * 0.01);
          for (const [a, b, km] of segments) {
            const [pa, pb] = [points[a % points.length], points[b % points.length]];
            if (!pa || !pb || pa === pb) continue;
            built.addSegment(a % points.length, b % points.length, undefined, undefined, km);
            const at = ([x, y]: [number, number]) => `${116 + x * 0.01},${35 + y * 0.01}`;
            expected.push(`${at(pa)}→${at(pb)} ${km}`, `${at(pb)}→${at(pa)} ${km}`);
          }
          const network = built.build();
          expect(roads(network)).toEqual(expected.sort());
          // Along the curve: the lower-left quarter comes before the upper-right one.
          const quarter = (n: number, high: boolean) =>
            high
              ? (network.lon[n] ?? 0) > 116.1 && (network.lat[n] ?? 0) > 35.1
              : (network.lon[n] ?? 0) <= 116.1 && (network.lat[n] ?? 0) <= 35.1;
          const nodes = Array.from({ length: network.nodeCount }, (_, n) => n);
          const lastLow = Math.max(-1, ...nodes.filter((n) => quarter(n, false)));
          const firstHigh = Math.min(Infinity, ...nodes.filter((n) => quarter(n, true)));
          if (lastLow >= 0 && firstHigh < Infinity) expect(lastLow).toBeLessThan(firstHigh);
        },
      ),
      { numRuns: 300 },
    );
  });
});
