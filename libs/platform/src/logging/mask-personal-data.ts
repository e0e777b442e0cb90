// A resident ID (18 characters, the last a digit or X) and a mainland mobile number, each only
// where no other digit or letter touches it, so ids, positions and timestamps are left alone.
const ID_NUMBER = /(?<![\dA-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const MOBILE = /(?<![\dA-Za-z])(1\d{2})\d{4}(\d{4})(?![\dA-Za-z])/g;

/**
 * Text as a log line may carry it: an ID number keeps its first three and last four characters
 * (110***********123X), a mobile its carrier prefix and last four digits (139****1234), as
 * residents see them on their own receipts. Enough to tell two people apart in an incident,
 * not enough to name one.
 */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1***********$2').replace(MOBILE, '$1****$2');
}

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
