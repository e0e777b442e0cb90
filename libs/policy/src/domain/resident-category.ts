/** The resident categories of CONTRACT.md, as the enrollment desk records them. */
export const RESIDENT_CATEGORIES = [
  'general',
  'minor',
  'student',
  'elderly',
  'extreme-poverty',
  'low-income',
  'disabled',
  'assistance-key',
  'rural-two-daughter',
] as const;

export type ResidentCategory = (typeof RESIDENT_CATEGORIES)[number];

export function isResidentCategory(value: unknown): value is ResidentCategory {
  return typeof value === 'string' && (RESIDENT_CATEGORIES as readonly string[]).includes(value);
}
