import fc from 'fast-check';
import { stationAt } from '../testing/small-districts';
import { DistrictGeography } from './district-geography';
import { RoadNetworkBuilder } from './road-network';
import { minutesPerStationSet } from './station-set-minutes';
import { minutesToNearest } from './travel-minutes';
import { DEFAULT_SPEEDS, ROAD_CLASSES, TRAVEL_MODES } from './travel-modes';

const SIDE = 5;
const place = (i: number) => ({
  lon: 116 + (i % SIDE) * 0.01,
  lat: 35 + Math.floor(i / SIDE) * 0.01,
});
const NODES = SIDE * SIDE;

const drawn = fc.record({
  roads: fc.array(
    fc.record({
      a: fc.nat(NODES - 1),
      b: fc.nat(NODES - 1),
      cls: fc.constantFrom(...ROAD_CLASSES),
    }),
    { maxLength: 40 },
  ),
  communities: fc.array(fc.nat(NODES - 1), { minLength: 1, maxLength: 12 }),
  stations: fc.array(fc.nat(NODES - 1), { minLength: 1, maxLength: 8 }),
  // Each set is a mask over the stations: sets nest, overlap or stand apart as they fall.
  sets: fc.array(fc.nat(255), { minLength: 1, maxLength: 6 }),
  mode: fc.constantFrom(...TRAVEL_MODES),
});

describe('minutes per station set', () => {
  it('equal one search from each set alone, however the sets nest', () => {
    fc.assert(
      fc.property(drawn, ({ roads, communities, stations, sets, mode }) => {
        const b = new RoadNetworkBuilder();
        for (let i = 0; i < NODES; i++) b.addNode(place(i).lon, place(i).lat);
        for (const r of roads) b.addSegment(r.a, r.b, r.cls);
        const geography = new DistrictGeography(
          b.build(),
          communities.map((at, i) => ({ communityId: `c${i}`, population: 10, ...place(at) })),
          DEFAULT_SPEEDS,
        );
        const placed = stations.map((at, i) =>
          stationAt(`s${i}`, place(at).lon + 0.001, place(at).lat, [], []),
        );
        const chosen = sets.map((mask) => {
          const members = placed.filter((_, i) => (mask >> i) & 1);
          return { key: members.map((s) => s.stationId).join(' '), stations: members };
        });
        const found = minutesPerStationSet(geography, mode, chosen);
        for (const set of chosen) {
          const alone = minutesToNearest(
            geography,
            mode,
            set.stations.map((s) => s.location),
          );
          expect([...(found.get(set.key) ?? [])]).toEqual([...alone]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
