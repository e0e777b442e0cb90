import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { testEnv } from '../../support/test-env';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunnerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<Exit>;
}

/** A compiled command-line tool of the projections library (`npm run build` first). */
export function spawnTool(
  script: 'projection-runner.cli.js' | 'rebuild.cli.js',
  args: string[],
  env: Record<string, string> = {},
): RunnerProcess {
  const child = spawn(
    process.execPath,
    ['-r', './scripts/paths.js', `dist/libs/projections/src/${script}`, ...args],
    { cwd: ROOT, env: testEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline)
          throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function startRunner(
  projection: string,
  topic: string,
  env: Record<string, string> = {},
): RunnerProcess {
  return spawnTool('projection-runner.cli.js', [projection, '--topics', topic], env);
}
