import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Drives the project's own infrastructure script, as a user would. */
export function infra(command: 'up' | 'down' | 'status'): string {
  return execFileSync('bash', ['scripts/infra.sh', command], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
}
