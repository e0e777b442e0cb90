import {
  DEFAULT_SPEEDS,
  DistrictGeography,
  communitiesOf,
  coverageWithin,
  minutesToNearest,
  type TravelMode,
  roadLinesOf,
  roadNetworkOf,
  tripsFrom,
} from '../../libs/coverage/src/domain';
import { DEMO_DISTRICT } from '../../libs/stations/src/domain/demo-district';
import { CoverageApps, as, demoLayer, startCoverageApps, until } from './coverage-apps';

type Coverage = {
  mode: TravelMode;
  population: number;
  coveredPopulation: number;
  share: number;
  stations: string[];
  uncovered: { population: number }[];
  synthetic: boolean;
};

const ENROLL = '/coverage?business=ENROLL_RESIDENT&minutes=15';

/**
 * The population within 15 minutes of exactly the stations an answer names, by the road search
 * itself: town-1 may add nobody when other suites left nearby stations open, so the figure is
 * checked against its own stations rather than against the figure before.
 */
function coveredBy(answer: Coverage): number {
  const geography = new DistrictGeography(
    roadNetworkOf(roadLinesOf(demoLayer('roads') as never)),
    communitiesOf(demoLayer('communities') as never),
    DEFAULT_SPEEDS,
  );
  const places = answer.stations.map(
    (id) => DEMO_DISTRICT.find((s) => s.stationId === id)!.location,
  );
  const minutes = minutesToNearest(geography, answer.mode, places);
  return coverageWithin(geography.communities, minutes, 15).coveredPopulation;
}

describe('service-circle coverage on the real PostgreSQL and Kafka', () => {
  let apps: CoverageApps;
  let supervisor: Awaited<ReturnType<typeof as>>;
  let admin: Awaited<ReturnType<typeof as>>;
  let clerk: Awaited<ReturnType<typeof as>>;

  beforeAll(async () => {
    apps = await startCoverageApps();
    supervisor = await as(apps.supervisor.url, 'supervisor');
    admin = await as(apps.supervisor.url, 'admin');
    clerk = await as(apps.township.url, 'clerk-town-1');
    // The app answers before it has written the demo stations' first events.
    await until(
      () => clerk.get('/stations/town-1/counters'),
      (r) => r.status === 200,
    );
  }, 90_000);

  afterAll(() => apps?.stop());

  const coverage = async () => (await supervisor.get(ENROLL)).body as unknown as Coverage;

  it('answers the demo district: 91,700 insured, synthetic, covered + uncovered = population', async () => {
    const reply = await until(
      () => supervisor.get(`${ENROLL}&basis=staffed`),
      (r) => r.status === 200,
    );
    expect(reply.status).toBe(200);
    const body = reply.body as unknown as Coverage;
    expect(body).toMatchObject({ population: 91_700, synthetic: true });
    const beyond = body.uncovered.reduce((sum, u) => sum + u.population, 0);
    expect(body.coveredPopulation + beyond).toBe(body.population);
    expect(body.share).toBeCloseTo(body.coveredPopulation / body.population, 12);
  });

  it('recomputes when a counter opens and again when it closes', async () => {
    // Every counter of town-1 closed, whatever earlier suites left open there.
    const counters = (await clerk.get('/stations/town-1/counters')).body as unknown as {
      counterId: string;
    }[];
    for (const { counterId } of counters)
      await clerk.post(`/stations/town-1/counters/${counterId}/close`);
    const before = await until(
      () => supervisor.get(ENROLL),
      (r) => r.status === 200 && !(r.body as unknown as Coverage).stations.includes('town-1'),
    );
    const closed = before.body as unknown as Coverage;
    expect((await clerk.post('/stations/town-1/counters/1/open')).status).toBeLessThan(300);
    const opened = await until(
      () => supervisor.get(ENROLL),
      (r) => (r.body as unknown as Coverage).stations.includes('town-1'),
    );
    const withTown = opened.body as unknown as Coverage;
    expect(withTown.stations).toContain('town-1');
    expect(withTown.stations).toEqual([...closed.stations, 'town-1'].sort());
    expect(withTown.coveredPopulation).toBeGreaterThanOrEqual(closed.coveredPopulation);
    expect(withTown.coveredPopulation).toBe(coveredBy(withTown));
    expect(closed.coveredPopulation).toBe(coveredBy(closed));
    expect((await clerk.post('/stations/town-1/counters/1/close')).status).toBeLessThan(300);
    const again = await until(
      () => supervisor.get(ENROLL),
      (r) => !(r.body as unknown as Coverage).stations.includes('town-1'),
    );
    expect(again.body as unknown as Coverage).toMatchObject({
      coveredPopulation: closed.coveredPopulation,
      stations: closed.stations,
    });
    expect((await coverage()).stations).not.toContain('town-1');
  });

  it('refuses a bad file naming the feature and field, and replaces nothing', async () => {
    const before = (await admin.get('/coverage/geography')).body as { geographyId: string };
    const layer = demoLayer('communities');
    layer.features[12]!.properties.population = -40;
    const reply = await admin.put('/coverage/geography/communities', JSON.stringify(layer));
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      error: 'geography_rejected',
      fields: [{ field: 'features[12].properties.population', problem: 'must be >= 0' }],
    });
    const after = (await admin.get('/coverage/geography')).body as { geographyId: string };
    expect(after.geographyId).toBe(before.geographyId);
  });

  it('takes a large file on the import route only, from admins only', async () => {
    const layer = demoLayer('communities');
    // Over the 100 KB every other route takes, and still the layer in force: nothing changes.
    const padded = JSON.stringify({ ...layer, note: 'x'.repeat(150_000) });
    const reply = await admin.put('/coverage/geography/communities', padded);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ layer: 'communities', synthetic: true });
    const stationAdmin = await as(apps.township.url, 'admin');
    const elsewhere = await stationAdmin.post('/stations/town-1/counters', {
      counterId: 'x'.repeat(150_000),
    });
    expect(elsewhere.status).toBe(413);
    expect(
      (await supervisor.put('/coverage/geography/roads', JSON.stringify(demoLayer('roads'))))
        .status,
    ).toBe(403);
  });

  it('sends a resident to the nearest station by the same road minutes', async () => {
    const kiosk = await as(apps.township.url, 'clerk-village-1');
    const reply = await kiosk.post('/stations/village-1/tickets', { business: 'MATERNITY' });
    expect(reply.status).toBe(422);
    const body = reply.body as {
      nearestStations: { stationId: string; travelMinutes: number; distanceKm: number }[];
      travel: { method: string; mode: string };
    };
    expect(body.travel).toMatchObject({ method: 'road-network', mode: 'cycling' });
    const geography = new DistrictGeography(
      roadNetworkOf(roadLinesOf(demoLayer('roads') as never)),
      communitiesOf(demoLayer('communities') as never),
      DEFAULT_SPEEDS,
    );
    const [village, hall] = ['village-1', 'hall'].map(
      (id) => DEMO_DISTRICT.find((s) => s.stationId === id)!.location,
    );
    const [trip] = tripsFrom(geography, 'cycling', village!, [hall!]);
    expect(body.nearestStations).toEqual([
      expect.objectContaining({
        stationId: 'hall',
        travelMinutes: Math.ceil(trip!.minutes),
        distanceKm: trip!.km,
      }),
    ]);
  });
});
