import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';

// Ports of their own (TEST_PORT_BASE + 70…), so these tests run beside other suites' apps.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 70;

export interface CoverageApps {
  readonly township: RunningApp;
  readonly supervisor: RunningApp;
  stop(): Promise<void>;
}

/** The township app (its stations, and the outbox relay) and the supervisor (the projection). */
export async function startCoverageApps(): Promise<CoverageApps> {
  const [township, supervisor] = await Promise.all([
    startApp('township', { PORT: String(BASE) }),
    // Searched on a thread per mode, as a province is: the demo's few nodes take that path too.
    startApp('supervisor', { PORT: String(BASE + 1), COVERAGE_PARALLEL_FROM_NODES: '0' }),
  ]);
  return {
    township,
    supervisor,
    async stop() {
      await Promise.all([township.stop(), supervisor.stop()]);
    },
  };
}

export type Reply = Awaited<ReturnType<typeof call>>;

export async function as(base: string, username: string) {
  const token = await login(base, username);
  return {
    get: (route: string) => call(`${base}/api${route}`, { token }),
    post: (route: string, body: unknown = {}) => call(`${base}/api${route}`, { token, body }),
    put: (route: string, raw: string) => call(`${base}/api${route}`, { token, method: 'PUT', raw }),
  };
}

/** Asks until `done` holds or the time is up; gives the last reply either way. */
export async function until(
  ask: () => Promise<Reply>,
  done: (reply: Reply) => boolean,
  timeoutMs = 30_000,
): Promise<Reply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await ask();
    if (done(reply) || Date.now() > deadline) return reply;
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function demoLayer(name: 'communities' | 'roads'): {
  type: string;
  features: { properties: Record<string, unknown>; geometry: unknown }[];
} {
  return JSON.parse(
    readFileSync(
      join(__dirname, '../../libs/coverage/geography/taibai-lake', `${name}.geojson`),
      'utf8',
    ),
  );
}
