import { createHash } from 'node:crypto';

const HASH_DIGITS = 12;

/**
 * The document as canonical JSON: keys sorted, no spaces. Re-indenting or reordering a file
 * keeps its hash; changing any value, note or source changes it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The first 12 hex digits of the SHA-256 of the canonical JSON: 48 bits, so two contents of one
 * region and version colliding by chance is not a practical concern.
 */
export function contentHashOf(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex').slice(0, HASH_DIGITS);
}
