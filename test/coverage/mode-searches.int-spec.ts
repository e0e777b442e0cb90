import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type CellResult,
  everyCell,
  planRecompute,
  recomputeCells,
  resultsOf,
} from '../../libs/coverage/src/domain';
import type { Station } from '../../libs/stations/src/domain/station.state';
import { ModeSearches } from '../../libs/coverage/src/projection/mode-searches';
import { syntheticProvince } from '../../bench/lib/synthetic-province';

// The thread script as the apps run it: compiled, beside the projection.
const THREAD_FILE = path.resolve(
  __dirname,
  '../../dist/libs/coverage/src/projection/mode-search.worker.js',
);

const byCell = (results: readonly CellResult[]) =>
  new Map(
    results.map((r) => [`${r.basis}|${r.mode}|${r.business}`, [r.sourceKey, [...r.minutes]]]),
  );

describe('coverage searched on a thread per travel mode', () => {
  const { geography, stations } = syntheticProvince({ side: 80, communities: 600, stations: 120 });
  const recompute = async (searches: ModeSearches, list: readonly Station[]) => {
    const plan = planRecompute(list, everyCell(), () => undefined);
    return resultsOf(geography, plan, await searches.minutesByMode(geography, plan.setsByMode));
  };

  it('finds exactly what one thread finds, before and after a station closes its counters', async () => {
    const searches = new ModeSearches({ parallelFromNodes: 0, threadFile: THREAD_FILE });
    try {
      const here = recomputeCells(geography, stations, everyCell(), () => undefined);
      expect(byCell(await recompute(searches, stations))).toEqual(byCell(here));
      expect(searches.threadCount).toBe(3);
      const closed = stations.map((s, i) =>
        i === 3
          ? { ...s, counters: s.counters.map((c) => ({ ...c, status: 'closed' as const })) }
          : s,
      );
      const after = recomputeCells(geography, closed, everyCell(), () => undefined);
      expect(byCell(await recompute(searches, closed))).toEqual(byCell(after));
      expect(byCell(after)).not.toEqual(byCell(here));
    } finally {
      await searches.close();
    }
  });

  it('searches on this thread, and says so, when a search thread fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mode-search-'));
    const broken = path.join(dir, 'broken.worker.js');
    writeFileSync(broken, 'process.exit(3);\n');
    const failures: string[] = [];
    const searches = new ModeSearches({
      parallelFromNodes: 0,
      threadFile: broken,
      onThreadFailure: (error) => failures.push(error.message),
    });
    try {
      const here = recomputeCells(geography, stations, everyCell(), () => undefined);
      expect(byCell(await recompute(searches, stations))).toEqual(byCell(here));
      expect(failures).toEqual([expect.stringContaining('exited with 3')]);
    } finally {
      await searches.close();
    }
  });

  it('keeps a small district on the calling thread', async () => {
    const searches = new ModeSearches({ parallelFromNodes: 1_000_000, threadFile: '/nowhere.js' });
    const here = recomputeCells(geography, stations, everyCell(), () => undefined);
    expect(byCell(await recompute(searches, stations))).toEqual(byCell(here));
    expect(searches.threadCount).toBe(0);
    await searches.close();
  });
});
