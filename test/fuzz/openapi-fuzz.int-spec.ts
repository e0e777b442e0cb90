import { writeFileSync } from 'node:fs';
import type { RunningApp } from '../support/app-process';
import { restoreDemoStation } from '../support/demo-stations';
import { createDistrictRecords } from '../support/district-records';
import { operationKey, operationsOf, type DocumentedOperation } from '../support/openapi';
import { login } from '../support/http';
import { startApps } from '../support/start-apps';
import type { AppName } from '../support/test-env';
import { fuzz, type FuzzReport } from './fuzz-run';
import { callersOf, knownValuesFor, tokenChooser, type Callers } from './fuzz-setup';
import { Random } from './random';
import { SHAPELESS_ANSWERS } from './shapeless-answers';
import { StoreWatch } from './store-watch';

// `npm run fuzz` runs this suite with FUZZ_REQUESTS=10000 and a fresh seed; the test command
// runs 1,000 requests from a fixed one, so a failure there replays exactly.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REFUSED_SHARE = 0.15;
const APPS: AppName[] = ['hall', 'township', 'hospital', 'supervisor', 'notifier'];

function summary(report: FuzzReport, positionMoved: number): string {
  const byKind: Record<string, number> = {};
  for (const f of report.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return [
    `fuzz: seed ${SEED}, ${report.requests} requests, ${report.refusals} refused, ${report.unavailable} × 503 (database busy)`,
    `statuses ${JSON.stringify(report.statuses)}`,
    `findings ${JSON.stringify(byKind)}; store moved ${positionMoved} during the refused batch`,
    ...report.findings.slice(0, 40).map((f) => `  ${f.kind}: ${f.request} — ${f.detail}`),
  ].join('\n');
}

function merged(a: FuzzReport, b: FuzzReport): FuzzReport {
  const statuses = { ...a.statuses };
  for (const [s, n] of Object.entries(b.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    requests: a.requests + b.requests,
    refusals: a.refusals + b.refusals,
    unavailable: a.unavailable + b.unavailable,
    statuses,
    findings: [...a.findings, ...b.findings],
  };
}

describe('every operation of every app, fuzzed from its OpenAPI document', () => {
  const apps: Partial<Record<AppName, RunningApp>> = {};
  const store = new StoreWatch();
  let targets: DocumentedOperation[];
  let callers: Callers;
  let knownFor: ReturnType<typeof knownValuesFor>;

  beforeAll(async () => {
    const started = await startApps(APPS);
    started.forEach((app) => (apps[app.name] = app));
    const urls = Object.fromEntries(started.map((a) => [a.name, a.url]));
    knownFor = knownValuesFor(await createDistrictRecords(urls as never));
    callers = await callersOf(apps as Record<string, RunningApp>);
    targets = (await Promise.all(started.map(operationsOf))).flat();
  }, 240_000);

  afterAll(async () => {
    // FUZZ_REPORT=<folder> keeps every finding and each app's log, to read after a failure.
    const folder = process.env.FUZZ_REPORT;
    if (folder)
      for (const app of Object.values(apps))
        writeFileSync(`${folder}/${app.name}.log`, app.output());
    // The fuzzer renames, moves and reskills the stations it reaches: later suites expect the
    // demo district as seeded.
    const fuzzed = [
      ['hall', 'hall'],
      ['township', 'town-1'],
      ['township', 'town-2'],
      ['hospital', 'hosp-2'],
    ] as const;
    for (const [app, stationId] of fuzzed) {
      const url = apps[app]?.url;
      if (url) await restoreDemoStation(url, await login(url, 'admin'), stationId);
    }
    await store.close();
    await Promise.all(Object.values(apps).map((app) => app.stop()));
  });

  it('documents a schema for every answer but those still listed as shapeless', () => {
    const shapeless = new Set<string>();
    for (const t of targets)
      for (const [status, response] of Object.entries(t.operation.responses)) {
        const schemas = Object.values(response.content ?? {}).filter((c) => c.schema);
        if (Number(status) < 300 && status !== '204' && schemas.length === 0)
          shapeless.add(`${operationKey(t)} ${status}`);
      }
    const listed = new Set(SHAPELESS_ANSWERS);
    expect({
      unlisted: [...shapeless].filter((a) => !listed.has(a)),
      nowDocumented: [...listed].filter((a) => !shapeless.has(a)),
    }).toEqual({ unlisted: [], nowDocumented: [] });
  });

  it(
    `answers ${REQUESTS} requests with no 5xx, every refusal named, every answer as documented, nothing stored from a refusal`,
    async () => {
      const random = new Random(SEED);
      const setup = { targets, knownFor, tokenFor: tokenChooser(callers), store, random };
      const withBodies = targets.filter((t) => t.operation.requestBody);
      const refusedCount = Math.round(REQUESTS * REFUSED_SHARE);
      // Only requests that must be refused, and nothing else writing: the store must not move.
      const before = await store.position();
      const refused = await fuzz(
        refusedCount,
        { ...setup, targets: withBodies, kinds: ['unknown-field', 'refused-text', 'raw-body'] },
        'refused',
      );
      const moved = (await store.position()) - before;
      const rest = await fuzz(REQUESTS - refusedCount, setup);
      const report = merged(refused, rest);
      process.stdout.write(`${summary(report, moved)}\n`);
      if (process.env.FUZZ_REPORT)
        writeFileSync(`${process.env.FUZZ_REPORT}/findings.json`, JSON.stringify(report, null, 1));
      expect(refused.refusals).toBe(refused.requests);
      expect(moved).toBe(0);
      expect(report.findings).toEqual([]);
    },
    Math.max(600_000, REQUESTS * 200),
  );
});
