import { spawnApp, waitForHttp, type RunningApp } from './app-process';
import { connect } from 'node:net';
import { TEST_PORTS, type AppName } from './test-env';

// The supervisor joins its projections' consumer groups before it listens; on a machine shared
// with other suites that can take longer than startApp's 30 s.
const START_TIMEOUT_MS = 120_000;

// PostgreSQL is shared with other suites: an app that finds no free connection at start exits,
// and a little later there is one.
const ATTEMPTS = 4;

// Something already answering on the port would pass for the app: refuse to start over it.
async function assertPortFree(name: AppName, port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
  });
  if (taken) throw new Error(`port ${port} for ${name} is taken: another TEST_PORT_BASE?`);
}

async function startedOnce(name: AppName, env: Record<string, string>): Promise<RunningApp> {
  await assertPortFree(name, Number(env.PORT ?? TEST_PORTS[name]));
  const app = spawnApp(name, env);
  const exited = app.exited.then(() => {
    throw new Error(`${name} exited before it listened:\n${app.output()}`);
  });
  try {
    await Promise.race([waitForHttp(`${app.url}/metrics`, START_TIMEOUT_MS), exited]);
    return app;
  } catch (error) {
    await app.stop('SIGKILL');
    throw error;
  }
}

async function started(name: AppName, env: Record<string, string>): Promise<RunningApp> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startedOnce(name, env);
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5_000 * attempt));
    }
  }
}

/**
 * Starts the apps side by side; if one cannot start, the others are stopped before the error.
 * `envOf` gives an app settings of its own (a port, a database) over the test defaults.
 */
export async function startApps(
  names: readonly AppName[],
  envOf: (name: AppName) => Record<string, string> = () => ({}),
): Promise<RunningApp[]> {
  const results = await Promise.allSettled(names.map((name) => started(name, envOf(name))));
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return running;
  await Promise.all(running.map((app) => app.stop()));
  throw failed.reason;
}

/** Stops the apps; one still busy after 20 s (a consumer leaving its group) is killed. */
export async function stopApps(apps: readonly (RunningApp | undefined)[]): Promise<void> {
  await Promise.all(
    apps.map(async (app) => {
      const timer = setTimeout(() => void app?.stop('SIGKILL'), 20_000);
      await app?.stop();
      clearTimeout(timer);
    }),
  );
}
