import type { Station } from '../../libs/stations/src/domain/station.state';
import { businessesFor, type StationKind } from '../../libs/stations/src/domain/business-catalog';
import {
  DEFAULT_SPEEDS,
  DistrictGeography,
  RoadNetworkBuilder,
  type Community,
  type RoadClass,
} from '../../libs/coverage/src/domain';

/** A repeatable stream of numbers in [0, 1): the same province on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ProvinceSize {
  readonly side: number;
  readonly communities: number;
  readonly stations: number;
}

const LAT0 = 34.5;
const LON0 = 114.5;
const STEP_LAT = 0.004; // ~0.44 km between nodes
const STEP_LON = 0.005; // ~0.46 km at 35° N
const KM_LAT = STEP_LAT * 110.574;
const KM_LON = STEP_LON * 111.32 * Math.cos((35 * Math.PI) / 180);

/** Every 40th line a primary road, every 10th a secondary, the rest village lanes and tracks. */
function classOf(line: number, random: () => number): RoadClass {
  if (line % 40 === 0) return 'primary';
  if (line % 10 === 0) return 'secondary';
  return random() < 0.7 ? 'residential' : 'track';
}

/**
 * A province of side × side road nodes on a jittered grid, about 450 km across, with one lane
 * in ten missing (rivers, fields) so paths bend; communities and stations scattered over it.
 */
export function syntheticProvince(size: ProvinceSize, seed = 2022) {
  const random = mulberry32(seed);
  const b = new RoadNetworkBuilder();
  for (let r = 0; r < size.side; r++)
    for (let c = 0; c < size.side; c++)
      b.addNode(
        LON0 + (c + (random() - 0.5) * 0.3) * STEP_LON,
        LAT0 + (r + (random() - 0.5) * 0.3) * STEP_LAT,
      );
  for (let r = 0; r < size.side; r++)
    for (let c = 0; c < size.side; c++) {
      const node = r * size.side + c;
      const rowClass = classOf(r, random);
      const colClass = classOf(c, random);
      if (c + 1 < size.side && (rowClass !== 'track' || random() > 0.1))
        b.addSegment(node, node + 1, rowClass, undefined, KM_LON);
      if (r + 1 < size.side && (colClass !== 'track' || random() > 0.1))
        b.addSegment(node, node + size.side, colClass, undefined, KM_LAT);
    }
  const place = () => ({
    lon: LON0 + random() * (size.side - 1) * STEP_LON,
    lat: LAT0 + random() * (size.side - 1) * STEP_LAT,
  });
  const communities: Community[] = Array.from({ length: size.communities }, (_, i) => ({
    communityId: `c${i}`,
    population: 100 + Math.floor(random() * 1900),
    ...place(),
  }));
  const stations = Array.from({ length: size.stations }, (_, i) =>
    stationOf(`s${i}`, kindOf(random()), place(), random),
  );
  return { geography: new DistrictGeography(b.build(), communities, DEFAULT_SPEEDS), stations };
}

function kindOf(x: number): StationKind {
  return x < 0.02 ? 'hall' : x < 0.3 ? 'township' : x < 0.5 ? 'hospital' : 'village';
}

/** A station whose counters are each open four times in five, skilled for all it handles. */
function stationOf(
  stationId: string,
  kind: StationKind,
  location: { lon: number; lat: number },
  random: () => number,
): Station {
  const businesses = businessesFor(kind);
  return {
    stationId,
    kind,
    name: stationId,
    nameEn: stationId,
    location: { ...location, synthetic: true },
    businesses,
    openingHours: [],
    fairnessRatio: 3,
    counters: [1, 2].map((n) => ({
      counterId: String(n),
      skills: businesses,
      status: random() < 0.8 ? 'open' : 'closed',
    })),
  };
}
