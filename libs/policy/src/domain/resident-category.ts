/**
 * The resident categories of CONTRACT.md, as the enrollment desk records them, and the parents
 * of rural single-daughter households, whom seed 000 names beside two-daughter households.
 */
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
  'rural-single-daughter',
] as const;

export type ResidentCategory = (typeof RESIDENT_CATEGORIES)[number];

export function isResidentCategory(value: unknown): value is ResidentCategory {
  return typeof value === 'string' && (RESIDENT_CATEGORIES as readonly string[]).includes(value);
}
