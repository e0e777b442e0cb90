import { maskPersonalData } from '@circle/kernel';

export { maskPersonalData };

const DEPTH = 6;

/** Every string in a log line's fields masked; errors keep their name, message and stack. */
export function maskLogFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === null || typeof value !== 'object' || depth >= DEPTH) return value;
  if (value instanceof Error) {
    const masked = new Error(maskPersonalData(value.message));
    masked.name = value.name;
    masked.stack = value.stack === undefined ? undefined : maskPersonalData(value.stack);
    return masked;
  }
  if (Array.isArray(value)) return value.map((item) => maskLogFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskLogFields(item, depth + 1);
  return out;
}
