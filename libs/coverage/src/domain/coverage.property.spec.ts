import fc from 'fast-check';
import { BUSINESS_CODES, BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { Station } from '../../../stations/src/domain/station.state';
import { stationAt } from '../testing/small-districts';
import { CoverageFigures, coverageWithin } from './coverage-figures';
import { everyCell, recomputeCells } from './coverage-recompute';
import { DistrictGeography } from './district-geography';
import { RoadNetworkBuilder } from './road-network';
import { DEFAULT_SPEEDS, ROAD_CLASSES } from './travel-modes';

const SIDE = 6;
const cellPlace = (i: number) => ({
  lon: 116 + (i % SIDE) * 0.01,
  lat: 35 + Math.floor(i / SIDE) * 0.01,
});
const ITEMS: readonly BusinessCode[] = BUSINESS_CODES.slice(0, 3);

const roads = fc.array(
  fc.record({
    a: fc.nat(SIDE * SIDE - 1),
    b: fc.nat(SIDE * SIDE - 1),
    cls: fc.constantFrom(...ROAD_CLASSES),
  }),
  { maxLength: 60 },
);
const communities = fc.array(
  fc.record({
    at: fc.nat(SIDE * SIDE - 1),
    population: fc.nat(5000),
    dx: fc.double({ min: -0.004, max: 0.004, noNaN: true }),
  }),
  { minLength: 1, maxLength: 20 },
);
const counter = fc.record({
  skills: fc.subarray([...ITEMS], { minLength: 1 }),
  status: fc.constantFrom('open' as const, 'closed' as const, 'paused' as const),
});
const stations = fc.array(
  fc.record({ at: fc.nat(SIDE * SIDE - 1), counters: fc.array(counter, { maxLength: 3 }) }),
  {
    maxLength: 5,
  },
);

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

function district(r: Drawn<typeof roads>, c: Drawn<typeof communities>) {
  const b = new RoadNetworkBuilder();
  for (let i = 0; i < SIDE * SIDE; i++) b.addNode(cellPlace(i).lon, cellPlace(i).lat);
  for (const road of r) b.addSegment(road.a, road.b, road.cls);
  const people = c.map((x, i) => ({
    communityId: `c${i}`,
    population: x.population,
    lon: cellPlace(x.at).lon + x.dx,
    lat: cellPlace(x.at).lat,
  }));
  return new DistrictGeography(b.build(), people, DEFAULT_SPEEDS);
}

function placed(s: Drawn<typeof stations>): Station[] {
  return s.map((x, i) =>
    stationAt(`s${i}`, cellPlace(x.at).lon, cellPlace(x.at).lat, x.counters, ITEMS),
  );
}

/** Every item's figures at every whole limit from 1 to 60, in every mode, on both bases. */
function figures(geo: DistrictGeography, list: readonly Station[]): CoverageFigures[] {
  const cells = everyCell().filter((cell) => ITEMS.includes(cell.business));
  return recomputeCells(geo, list, cells, () => undefined).flatMap((r) =>
    [1, 5, 15, 30, 60].map((limit) => coverageWithin(geo.communities, r.minutes, limit)),
  );
}

const neverLower = (before: CoverageFigures[], after: CoverageFigures[]) =>
  before.every((b, i) => (after[i]?.coveredPopulation ?? -1) >= b.coveredPopulation);

describe('coverage, for any district', () => {
  it('never falls when a station is added', () => {
    fc.assert(
      fc.property(
        roads,
        communities,
        stations,
        counter,
        fc.nat(SIDE * SIDE - 1),
        (r, c, s, k, at) => {
          const geo = district(r, c);
          const before = figures(geo, placed(s));
          const added = stationAt('new', cellPlace(at).lon, cellPlace(at).lat, [k], ITEMS);
          expect(neverLower(before, figures(geo, [...placed(s), added]))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never falls when a counter opens', () => {
    fc.assert(
      fc.property(roads, communities, stations, fc.nat(), (r, c, s, pick) => {
        const geo = district(r, c);
        const list = placed(s);
        const counters = list.flatMap((st, i) => st.counters.map((_, j) => [i, j] as const));
        fc.pre(counters.length > 0);
        const [i, j] = counters[pick % counters.length]!;
        const opened = list.map((st, n) =>
          n !== i
            ? st
            : {
                ...st,
                counters: st.counters.map((ct, m) =>
                  m === j ? { ...ct, status: 'open' as const } : ct,
                ),
              },
        );
        expect(neverLower(figures(geo, list), figures(geo, opened))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('has share = covered ÷ population and covered + the uncovered list = population', () => {
    fc.assert(
      fc.property(roads, communities, stations, (r, c, s) => {
        const geo = district(r, c);
        for (const f of figures(geo, placed(s))) {
          const beyond = f.uncovered.reduce((sum, u) => sum + u.population, 0);
          expect(f.coveredPopulation + beyond).toBe(f.population);
          expect(f.share).toBe(f.population ? f.coveredPopulation / f.population : 0);
          expect(f.share).toBeGreaterThanOrEqual(0);
          expect(f.share).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});
