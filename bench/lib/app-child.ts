import { spawn } from 'node:child_process';
import { BENCH_DATABASE_URL, ROOT } from './bench-db';

export interface AppChild {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a compiled app as `main` does in production, on its own port, against the bench's
 * database. BENCH_APP_NODE_ARGS passes flags to every app (e.g. --cpu-prof).
 */
export async function startAppChild(app: string, port: number): Promise<AppChild> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      './scripts/paths.js',
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
      },
      stdio: 'inherit',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/metrics`)).ok) return { url, pid: child.pid ?? 0, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${app} did not start on ${port}`);
}
