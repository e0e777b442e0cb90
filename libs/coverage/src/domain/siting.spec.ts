import { TEN_MINUTES_A_KM } from '../testing/small-districts';
import { DistrictGeography } from './district-geography';
import { RoadNetworkBuilder } from './road-network';
import { proposeSites } from './siting';
import { minutesToNearest } from './travel-minutes';

/** Nodes every 1 km along one road; a community of `population[i]` at node i. */
function road(population: readonly number[]) {
  const b = new RoadNetworkBuilder();
  const nodes = population.map((_, i) => b.addNode(116 + i * 0.01, 35));
  for (let i = 1; i < nodes.length; i++) b.addSegment(nodes[i - 1]!, nodes[i]!, 'path', 0, 1);
  const communities = population.map((p, i) => ({
    communityId: `c${i}`,
    population: p,
    lon: 116 + i * 0.01,
    lat: 35,
  }));
  return new DistrictGeography(b.build(), communities, TEN_MINUTES_A_KM);
}

describe('greedy siting', () => {
  it('proposes the site that brings the most uncovered residents within the limit first', () => {
    // A station at node 0; within 10 minutes it covers c0 and c1.
    const district = road([10, 10, 0, 5, 50, 5, 0, 0, 30, 0]);
    const minutes = minutesToNearest(district, 'walking', [{ lon: 116, lat: 35 }]);
    const proposals = proposeSites(district, { mode: 'walking', limit: 10, k: 3, minutes });
    expect(proposals.map((p) => [p.node, p.gain, p.coveredPopulation])).toEqual([
      [4, 60, 80],
      [7, 30, 110], // 7, 8 and 9 all reach c8: the lowest node wins the tie
    ]);
    expect(proposals[0]?.communities).toEqual(['c3', 'c4', 'c5']);
  });

  it('never proposes a site that adds nobody', () => {
    const district = road([10, 10]);
    const minutes = minutesToNearest(district, 'walking', [{ lon: 116, lat: 35 }]);
    expect(proposeSites(district, { mode: 'walking', limit: 15, k: 2, minutes })).toEqual([]);
  });
});
