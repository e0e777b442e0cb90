import { createHash } from 'node:crypto';

/**
 * A stable hash of a request: object keys are sorted at every depth, so the same body sent
 * with its fields in another order is still the same request.
 */
export function requestFingerprint(...parts: readonly unknown[]): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('base64url');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}
