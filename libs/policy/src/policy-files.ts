import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Policy } from './domain/policy';
import { PolicyBook } from './domain/policy-book';
import { PolicyFileError } from './domain/policy.errors';
import { validatePolicyDocument } from './domain/policy-schema';

const POLICY_FOLDER = join('libs', 'policy', 'policies');

/**
 * The repository's policy folder, found by walking up from `from` so apps, scripts and tests
 * started in any sub-folder read the same files.
 */
// From this file, not the working directory: an app started elsewhere still finds the policies
// shipped beside its code (libs/policy/policies, above both src/ and dist/).
export function defaultPolicyFolder(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, POLICY_FOLDER);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`no ${POLICY_FOLDER} folder above ${from}`);
  }
}

/** Every `*.json` in the folder, validated; the first bad file stops the load, named. */
export function readPolicyFiles(folder: string = defaultPolicyFolder()): Policy[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no policy files (*.json) in ${folder}`);
  return files.map((name) => readPolicyFile(join(folder, name)));
}

export function readPolicyFile(path: string): Policy {
  const fileName = basename(path);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyFileError(fileName, '', `is not valid JSON (${(error as Error).message})`);
  }
  return validatePolicyDocument(doc, fileName);
}

/** The policy book of every region, as the apps use it at start-up. */
export function loadPolicyBook(folder: string = defaultPolicyFolder()): PolicyBook {
  return new PolicyBook(readPolicyFiles(folder));
}
