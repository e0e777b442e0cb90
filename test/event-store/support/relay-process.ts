import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { testEnv } from '../../support/test-env';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface RelayProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The compiled standalone relay (`npm run build` first), as a deployment would start it. */
export function spawnRelay(env: Record<string, string>): RelayProcess {
  const child = spawn(
    process.execPath,
    ['-r', './scripts/paths.js', 'dist/libs/event-store/src/relay.cli.js'],
    { cwd: ROOT, env: testEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
