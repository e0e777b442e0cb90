import { stationAt, TEN_MINUTES_A_KM } from '../testing/small-districts';
import { coverageWithin, coveredByMinute } from './coverage-figures';
import { recomputeCells } from './coverage-recompute';
import { DistrictGeography } from './district-geography';
import { RoadNetworkBuilder } from './road-network';
import { minutesToNearest, tripsFrom } from './travel-minutes';

/**
 * A — 1 km — B — 2 km — C — 1 km — D, a motorway D — E no walker may take, and F off on its
 * own road to G. Lengths are given, so at 6 km/h a km is exactly 10 minutes.
 */
function lineDistrict() {
  const b = new RoadNetworkBuilder();
  const at = (i: number) => b.addNode(116 + i * 0.01, 35);
  const [A, B, C, D, E, F, G] = [0, 1, 2, 3, 4, 6, 7].map(at) as number[];
  b.addSegment(A!, B!, 'residential', undefined, 1);
  b.addSegment(B!, C!, 'tertiary', undefined, 2);
  b.addSegment(C!, D!, 'path', undefined, 1);
  b.addSegment(D!, E!, 'motorway', undefined, 1);
  b.addSegment(F!, G!, 'residential', undefined, 1);
  const place = (id: string, i: number, population: number) => ({
    communityId: id,
    population,
    lon: 116 + i * 0.01,
    lat: 35,
  });
  const communities = [
    place('b', 1, 100),
    place('c', 2, 200),
    place('d', 3, 300),
    place('g', 7, 400),
  ];
  return new DistrictGeography(b.build(), communities, TEN_MINUTES_A_KM);
}

const A = { lon: 116, lat: 35 };
const D = { lon: 116.03, lat: 35 };

describe('coverage on a hand-made line of roads', () => {
  it('counts door-to-door minutes to the nearest station exactly', () => {
    const district = lineDistrict();
    expect([...minutesToNearest(district, 'walking', [A])]).toEqual([10, 30, 40, Infinity]);
    expect([...minutesToNearest(district, 'walking', [A, D])]).toEqual([10, 10, 0, Infinity]);
  });

  it('adds the walk from a place off the road to its nearest node', () => {
    const district = lineDistrict();
    // 0.01° of latitude is 1.112 km: at 6 km/h, 11.1 minutes to reach A's node, then 10 to b.
    const offRoad = { lon: 116, lat: 35.01 };
    expect(minutesToNearest(district, 'walking', [offRoad])[0]).toBe(21.1);
  });

  it('answers a limit with the population within it and every community beyond', () => {
    const district = lineDistrict();
    const minutes = minutesToNearest(district, 'walking', [A]);
    expect(coverageWithin(district.communities, minutes, 30)).toEqual({
      population: 1000,
      coveredPopulation: 300,
      share: 0.3,
      uncovered: [
        { communityId: 'g', population: 400, minutes: null },
        { communityId: 'd', population: 300, minutes: 40 },
      ],
    });
    const profile = coveredByMinute(district.communities, minutes);
    expect([profile[9], profile[10], profile[29], profile[30], profile[40], profile[120]]).toEqual([
      0, 100, 100, 300, 600, 600,
    ]);
  });

  it('counts only stations with a counter open and skilled for the item', () => {
    const district = lineDistrict();
    const stations = [
      stationAt('a', A.lon, A.lat, [{ skills: ['ENROLL_RESIDENT'], status: 'open' }]),
      stationAt('d', D.lon, D.lat, [{ skills: ['ENROLL_RESIDENT'], status: 'closed' }]),
    ];
    const cell = { basis: 'open', mode: 'walking', business: 'ENROLL_RESIDENT' } as const;
    const [open] = recomputeCells(district, stations, [cell], () => undefined);
    expect(open?.stations).toEqual(['a']);
    expect([...(open?.minutes ?? [])]).toEqual([10, 30, 40, Infinity]);
    const staffed = recomputeCells(district, stations, [{ ...cell, basis: 'staffed' }], () => '');
    expect(staffed[0]?.stations).toEqual(['a', 'd']);
    expect(recomputeCells(district, stations, [cell], () => open?.sourceKey)).toEqual([]);
  });

  it('gives road minutes and km between two places, or nothing where no road joins them', () => {
    const district = lineDistrict();
    const trips = tripsFrom(district, 'walking', A, [D, { lon: 116.07, lat: 35 }]);
    expect(trips).toEqual([{ minutes: 40, km: 4 }, undefined]);
  });

  it('takes a road’s own speed, capped at the mode’s top speed', () => {
    const b = new RoadNetworkBuilder();
    const [x, y] = [b.addNode(116, 35), b.addNode(116.01, 35)];
    b.addSegment(x!, y!, undefined, 60, 3);
    const district = new DistrictGeography(b.build(), [], TEN_MINUTES_A_KM);
    expect(tripsFrom(district, 'walking', A, [{ lon: 116.01, lat: 35 }])[0]?.minutes).toBe(30);
    expect(tripsFrom(district, 'driving', A, [{ lon: 116.01, lat: 35 }])[0]?.minutes).toBe(3);
  });
});
