import { startAppChild, type AppChild } from './app-child';
import { BENCH_DATABASE_URL } from './bench-db';
import { billFor, pick } from './bills';
import { closedLoop, windowAfter, type LoadRun } from './closed-loop';
import { openLoop } from './open-loop';
import { startGateProbe, type GateLooks } from './gate-probe';
import { kafkaBrokerPids, postgresProcesses, startCpuMeter, type CpuUse } from './cpu-meter';
import { HttpClient } from './http-client';
import { readModelDiffers } from './read-model-check';
import { countRows, startVisibilityProbe, waitForRows } from './visibility-probe';

export interface Apps {
  readonly township: HttpClient;
  readonly hospital: HttpClient;
  readonly supervisor: HttpClient;
  readonly children: readonly AppChild[];
}

/** Township (to enroll), hospital (to settle) and supervisor (projections), each on its port. */
export async function startApps(port: number): Promise<Apps> {
  const started = await Promise.allSettled(
    ['township', 'hospital', 'supervisor'].map((app, i) => startAppChild(app, port + i)),
  );
  const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    // No app of a failed start is left running on the bench's ports.
    await Promise.all(children.map((c) => c.stop()));
    throw failed.reason;
  }
  const [township, hospital, supervisor] = children.map((c) => new HttpClient(c.url)) as [
    HttpClient,
    HttpClient,
    HttpClient,
  ];
  return { township, hospital, supervisor, children };
}

export async function stopApps(apps: Apps): Promise<void> {
  apps.township.close();
  apps.hospital.close();
  apps.supervisor.close();
  await Promise.all(apps.children.map((c) => c.stop()));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Waits until every projection of the supervisor has applied what Kafka holds (a few records
 * of other databases' logs may trickle in on the shared topics), twice in a row; the ms waited.
 * The settlements must not start while the enrollment backlog is still being applied: its
 * write transactions hold the relay's gate, and the supervisor's CPU, for everyone.
 */
export async function projectionsCaughtUp(apps: Apps, timeoutMs: number): Promise<number> {
  const token = await apps.supervisor.login('supervisor');
  const started = performance.now();
  let quiet = 0;
  while (quiet < 2) {
    if (performance.now() - started > timeoutMs) throw new Error('projections did not catch up');
    await sleep(500);
    const reply = await apps.supervisor.get('/api/projections', token);
    const lags = reply.status === 200 ? (reply.body as { lagEvents: number }[]) : [];
    quiet = lags.length > 0 && lags.every((p) => p.lagEvents <= 10) ? quiet + 1 : 0;
  }
  return performance.now() - started;
}

/** CPU seconds each part of the path spent in the measured window. */
async function meterCpu(apps: Apps, window: { from: number; to: number }) {
  const [township, hospital, supervisor] = apps.children.map((c) => [c.pid]);
  const groups = {
    hospital: hospital ?? [],
    supervisor: supervisor ?? [],
    township: township ?? [],
    postgres: postgresProcesses(BENCH_DATABASE_URL),
    // Other users of the broker (tests, other benches) count here too.
    'kafka broker, shared': kafkaBrokerPids(),
  };
  await sleep(window.from - performance.now());
  const meter = startCpuMeter(groups);
  await sleep(window.to - performance.now());
  return meter.stop();
}

export interface LoadShape {
  readonly clients: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

export interface Settled {
  readonly run: LoadRun;
  /** Every 201, warm-up included. */
  readonly created: number;
  readonly visible: { lags: number[]; missing: number };
  readonly drained: { waitedMs: number; rows: number };
  readonly differs: Record<string, number>;
  readonly cpu: CpuUse;
  /** The oldest writing transaction on the server at each look during the window. */
  readonly gate: GateLooks;
}

/**
 * Settlements through the whole write path at hosp-2, each with a fresh Idempotency-Key and
 * admission; every `lagEvery`-th 201 of the measured window is watched until the supervisor's
 * read model holds it, and at the end every 201 must be there.
 */
export async function settleForAWhile(
  apps: Apps,
  clerk: string,
  residents: readonly string[],
  shape: LoadShape,
  lagEvery: number,
): Promise<Settled> {
  const before = await countRows(BENCH_DATABASE_URL, 'settlement_record');
  const probe = await startVisibilityProbe(BENCH_DATABASE_URL);
  const window = windowAfter(shape.warmupMs, shape.measureMs);
  const cpu = meterCpu(apps, window);
  const gate = await startGateProbe(BENCH_DATABASE_URL);
  let created = 0;
  let admissions = 0;
  const run = await closedLoop(shape.clients, window, async (client) => {
    const body = { ...billFor(pick(residents)), admissionId: `ZY-${client}-${admissions++}` };
    const reply = await apps.hospital.command('/api/settlements', clerk, body);
    if (reply.status !== 201) return reply.status;
    created++;
    const at = performance.now();
    if (at >= window.from && at < window.to && created % lagEvery === 0)
      probe.answered((reply.body as { settlementId: string }).settlementId, at);
    return 201;
  });
  const gateAges = await gate.stop();
  const visible = await probe.stop(120_000);
  const expected = before + created;
  const drained = await waitForRows(BENCH_DATABASE_URL, 'settlement_record', expected, 120_000);
  const differs = await readModelDiffers(BENCH_DATABASE_URL);
  return { run, created, visible, drained, differs, cpu: await cpu, gate: gateAges };
}

/**
 * Quotes for the bench's residents, whose years now hold their settlements: `shape.clients` in a
 * closed loop (the hospital's thread kept busy: a throughput), or, with `rate`, offered at that
 * rate in an open loop (the time a clerk waits for a quote while others ask too).
 */
export async function quoteForAWhile(
  apps: Apps,
  clerk: string,
  residents: readonly string[],
  shape: LoadShape,
  rate?: number,
): Promise<{ run: LoadRun; cpu: CpuUse }> {
  const window = windowAfter(shape.warmupMs, shape.measureMs);
  const cpu = meterCpu(apps, window);
  const quote = async () => {
    const reply = await apps.hospital.ask(
      '/api/settlements/quote',
      clerk,
      billFor(pick(residents)),
    );
    return reply.status;
  };
  const run =
    rate === undefined
      ? await closedLoop(shape.clients, window, quote)
      : await openLoop(rate, window, quote);
  return { run, cpu: await cpu };
}
