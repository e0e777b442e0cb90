import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { testEnv } from '../support/test-env';

// Ports of their own (TEST_PORT_BASE + 60…63, 4160… by default), so these tests can run beside
// other suites' apps and beside another run with its own base.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 60;

export const WALKINS_PORTS = {
  hall: String(PORT_BASE),
  township: String(PORT_BASE + 1),
  secondTownship: String(PORT_BASE + 2),
  supervisor: String(PORT_BASE + 3),
} as const;

export interface WalkinsApps {
  hall: RunningApp;
  township: RunningApp;
  supervisor: RunningApp;
  relay: ChildProcess;
  stop(): Promise<void>;
}

/** The outbox relay as its own process, so the supervisor's projections get the events. */
function startRelay(): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', './scripts/paths.js', 'dist/libs/event-store/src/relay.cli.js'],
    {
      cwd: path.resolve(__dirname, '..', '..'),
      env: testEnv({ RELAY_NAME: 'walkins-it', RELAY_START_AT: 'end' }),
      stdio: 'ignore',
    },
  );
}

export async function startWalkinsApps(): Promise<WalkinsApps> {
  const [hall, township, supervisor] = await Promise.all([
    startApp('hall', { PORT: WALKINS_PORTS.hall }),
    startApp('township', { PORT: WALKINS_PORTS.township }),
    startApp('supervisor', { PORT: WALKINS_PORTS.supervisor }),
  ]);
  const relay = startRelay();
  const apps: WalkinsApps = {
    hall,
    township,
    supervisor,
    relay,
    // The apps as they stand now: a test may have restarted one.
    async stop() {
      this.relay.kill('SIGTERM');
      await Promise.all([this.hall.stop(), this.township.stop(), this.supervisor.stop()]);
    },
  };
  return apps;
}

export type Reply = Awaited<ReturnType<typeof call>>;

/** Logs in once per user and calls with that user's token. */
export class As {
  private constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async user(base: string, username: string): Promise<As> {
    return new As(base, await login(base, username));
  }

  post(route: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Reply> {
    return call(`${this.base}/api${route}`, { method: 'POST', token: this.token, body, headers });
  }

  get(route: string): Promise<Reply> {
    return call(`${this.base}/api${route}`, { token: this.token });
  }

  send(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return call(`${this.base}/api${route}`, { method, token: this.token, body, headers });
  }
}

export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 300));
  }
}
