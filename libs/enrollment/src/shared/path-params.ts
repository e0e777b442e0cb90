import { InvalidEnrollmentInput } from '../domain/enrollment.errors';

/** A year in a path or query, as a 422 naming it rather than Nest's bare 400. */
export function yearParam(raw: string | undefined, field = 'year'): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^\d{4}$/.test(raw)) throw new InvalidEnrollmentInput(field, 'must be a four-digit year');
  return Number(raw);
}
