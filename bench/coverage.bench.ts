import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Station } from '../libs/stations/src/domain/station.state';
import {
  type CellResult,
  DEFAULT_SPEEDS,
  DistrictGeography,
  TRAVEL_MODES,
  communitiesOf,
  everyCell,
  planRecompute,
  recomputeCells,
  resultsOf,
  roadLinesOf,
  roadNetworkOf,
} from '../libs/coverage/src/domain';
import { ModeSearches } from '../libs/coverage/src/projection/mode-searches';
import { demoStationEvents } from '../libs/stations/src/domain/demo-station-events';
import { DEMO_DISTRICT } from '../libs/stations/src/domain/demo-district';
import { evolveStation, initialStationState } from '../libs/stations/src/domain/station.state';
import type { Baseline } from './lib/beside';
import { medianMs, sweepFrom } from './lib/graph-sweep';
import { report } from './lib/stats';
import { syntheticProvince } from './lib/synthetic-province';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIDE = env('BENCH_SIDE', 1000);
const COMMUNITIES = env('BENCH_COMMUNITIES', 100_000);
const STATIONS = env('BENCH_STATIONS', 5_000);
const RUNS = env('BENCH_RUNS', 3);

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

const verdict = (ok: boolean, what: string) => console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);

async function province(): Promise<void> {
  console.log(
    `province: ${SIDE}×${SIDE} road nodes, ${COMMUNITIES} communities, ${STATIONS} stations`,
  );
  const [{ geography, stations }, built] = timed(() =>
    syntheticProvince({ side: SIDE, communities: COMMUNITIES, stations: STATIONS }),
  );
  report('graph built (1 M nodes, 4 M edges)', built, 'ms');
  const [, prepared] = timed(() => TRAVEL_MODES.forEach((m) => geography.mode(m)));
  report('modes prepared (edge minutes, kdbush, snaps)', prepared, 'ms');
  const sources = Int32Array.from(
    stations,
    (s) => geography.snap('cycling', s.location.lon, s.location.lat).node,
  );
  const sweep: Baseline = {
    name: 'BFS sweep',
    value: medianMs(RUNS, () => sweepFrom(geography.network, sources)),
  };
  report('raw BFS sweep of the whole graph', sweep.value, 'ms');
  const cycling = geography.mode('cycling');
  const from = { nodes: sources, minutes: new Float64Array(sources.length) };
  const search = medianMs(RUNS, () => cycling.search.run(cycling.edgeMinutes, from));
  report('one multi-source Dijkstra (5,000 sources)', search, 'ms', sweep);
  const one = medianMs(RUNS, () =>
    recomputeCells(geography, stations, everyCell(['cycling']), () => undefined),
  );
  report('full recompute: one mode (26 cells)', one, 'ms', sweep);
  const serial = medianMs(RUNS, () =>
    recomputeCells(geography, stations, everyCell(), () => undefined),
  );
  report('full recompute on one thread: 3 modes × 2 bases × 13 items', serial, 'ms', sweep);

  // The projection's own path: a thread per mode once the network is this large.
  const searches = new ModeSearches({ parallelFromNodes: 0 });
  const recompute = async (list: readonly Station[], stored: StoredKey) => {
    const plan = planRecompute(list, everyCell(), stored);
    return resultsOf(geography, plan, await searches.minutesByMode(geography, plan.setsByMode));
  };
  const [first, loaded] = await timedAsync(() => recompute(stations, () => undefined));
  report('threads started, modes prepared there, first recompute', loaded, 'ms');
  const all = await medianMsAsync(RUNS, () => recompute(stations, () => undefined));
  report('full recompute, a thread per mode (the projection)', all, 'ms', sweep);
  const same = sameResults(
    first,
    recomputeCells(geography, stations, everyCell(), () => undefined),
  );
  verdict(same, 'the threads find exactly what one thread finds');
  await incremental(stations, recompute, sweep);
  await searches.close();
  verdict(all < 2000, `province full recompute ${all.toFixed(0)} ms < 2000 ms`);
}

type StoredKey = (cell: { basis: string; mode: string; business: string }) => string | undefined;

/** A counter closes at one station: only the cells it served are searched again. */
async function incremental(
  stations: Station[],
  recompute: (list: readonly Station[], stored: StoredKey) => Promise<CellResult[]>,
  sweep: Baseline,
): Promise<void> {
  const stored = new Map(
    (await recompute(stations, () => undefined)).map((r) => [
      `${r.basis}|${r.mode}|${r.business}`,
      r.sourceKey,
    ]),
  );
  const township = stations.findIndex(
    (s) => s.kind === 'township' && s.counters.some((c) => c.status === 'open'),
  );
  const closed = stations.map((s, i) =>
    i !== township
      ? s
      : { ...s, counters: s.counters.map((c) => ({ ...c, status: 'closed' as const })) },
  );
  const key: StoredKey = (c) => stored.get(`${c.basis}|${c.mode}|${c.business}`);
  const [changed, ms] = await timedAsync(() => recompute(closed, key));
  report(`after a station closes (${changed.length} cells again)`, ms, 'ms', sweep);
}

function sameResults(a: readonly CellResult[], b: readonly CellResult[]): boolean {
  const byCell = new Map(b.map((r) => [`${r.basis}|${r.mode}|${r.business}`, r]));
  return (
    a.length === b.length &&
    a.every((r) => {
      const other = byCell.get(`${r.basis}|${r.mode}|${r.business}`);
      return (
        other !== undefined &&
        other.sourceKey === r.sourceKey &&
        other.minutes.length === r.minutes.length &&
        other.minutes.every((m, i) => m === r.minutes[i])
      );
    })
  );
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function medianMsAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timedAsync(work))[1]);
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function demoDistrict(): void {
  const dir = join(__dirname, '../../libs/coverage/geography/taibai-lake');
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const geography = new DistrictGeography(
    roadNetworkOf(roadLinesOf(read('roads.geojson'))),
    communitiesOf(read('communities.geojson')),
    DEFAULT_SPEEDS,
  );
  // Every counter open: the most stations, so the most work a recompute can have.
  const stations = DEMO_DISTRICT.map((p) => {
    const events = demoStationEvents(p);
    let state = events.reduce(evolveStation, initialStationState());
    for (const c of state?.counters ?? [])
      state = evolveStation(state, {
        type: 'stations.CounterOpened',
        data: { counterId: c.counterId, clerk: 'bench' },
      });
    return state as Station;
  });
  console.log(
    `demo district: ${geography.network.nodeCount} road nodes, ${geography.communities.length} communities, ${stations.length} stations`,
  );
  const [, first] = timed(() => recomputeCells(geography, stations, everyCell(), () => undefined));
  report('demo: first recompute (graph prepared in it)', first, 'ms');
  const sources = Int32Array.from(
    stations,
    (s) => geography.snap('cycling', s.location.lon, s.location.lat).node,
  );
  const sweep: Baseline = {
    name: 'BFS sweep',
    value: medianMs(20, () => sweepFrom(geography.network, sources)),
  };
  const all = medianMs(20, () => recomputeCells(geography, stations, everyCell(), () => undefined));
  report('demo: full recompute, 78 cells', all, 'ms', sweep);
  verdict(
    first < 50 && all < 50,
    `demo full recompute ${all.toFixed(1)} ms (first ${first.toFixed(1)} ms) < 50 ms`,
  );
}

demoDistrict();
void province();
