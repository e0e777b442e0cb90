import { spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DATABASE_URL, ROOT } from './bench-db';

export const CIRCLE_APPS = ['hall', 'township', 'hospital', 'supervisor', 'notifier'] as const;
export type CircleApp = (typeof CIRCLE_APPS)[number];

export interface CircleProcess {
  readonly app: CircleApp;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One app of the circle as the main job starts it (compiled, its own port, the bench's
 * database), its log in `folder`, with the profiler preloaded: SIGUSR2 starts and stops it.
 */
async function startOne(
  app: CircleApp,
  port: number,
  folder: string,
  env: Record<string, string>,
): Promise<CircleProcess> {
  const log = openSync(path.join(folder, `${app}.log`), 'a');
  const child = spawn(
    process.execPath,
    [
      '-r',
      './scripts/paths.js',
      '-r',
      './dist/bench/lib/profile-on-signal.js',
      `dist/apps/${app}/src/main.js`,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: BENCH_DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
        LOG_LEVEL: 'warn',
        JWT_SECRET: 'bench-secret-0123456789',
        BENCH_PROFILE_DIR: path.join(folder, app),
        ...env,
      },
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { app, url, pid: child.pid ?? 0, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`${app} did not answer /health on ${port}; see ${folder}/${app}.log`);
}

/** All five apps, one after the other as their ports come up; none is left on a failed start. */
export async function startCircle(
  basePort: number,
  folder: string,
  env: Partial<Record<CircleApp, Record<string, string>>>,
): Promise<CircleProcess[]> {
  const started: CircleProcess[] = [];
  try {
    for (const [i, app] of CIRCLE_APPS.entries())
      started.push(await startOne(app, basePort + i, folder, env[app] ?? {}));
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  return started;
}

/** Starts (first call) or stops and writes (second call) every app's CPU profile. */
export function toggleProfiles(processes: readonly CircleProcess[]): void {
  for (const p of processes) process.kill(p.pid, 'SIGUSR2');
}

/** The profile an app wrote into its folder, once it is there. */
export async function profileOf(folder: string, app: CircleApp): Promise<string | undefined> {
  const dir = path.join(folder, app);
  for (let i = 0; i < 100; i++) {
    const file = existsSync(dir)
      ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
      : undefined;
    if (file) return path.join(dir, file);
    await sleep(100);
  }
  return undefined;
}
