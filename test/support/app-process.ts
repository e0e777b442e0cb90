import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { AppName, TEST_PORTS, testEnv } from './test-env';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningApp {
  readonly name: AppName;
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<Exit>;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** Starts a compiled app exactly as `main` does in production (`npm run build` first). */
export function spawnApp(name: AppName, env: Record<string, string> = {}): RunningApp {
  const port = env.PORT ?? String(TEST_PORTS[name]);
  const child = spawn(
    process.execPath,
    ['-r', './scripts/paths.js', `dist/apps/${name}/src/main.js`],
    { cwd: ROOT, env: testEnv({ PORT: port, ...env }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function startApp(
  name: AppName,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const app = spawnApp(name, env);
  try {
    // A shared, loaded machine can take a while to start a Nest app; 30 s was not always enough.
    await waitForHttp(`${app.url}/metrics`, 90_000);
  } catch (error) {
    await app.stop('SIGKILL');
    throw new Error(`${name} did not start:\n${app.output()}`, { cause: error });
  }
  return app;
}
