import { DomainError } from '@circle/kernel';

/** A year in a query, as a 422 naming it rather than Nest's bare 400. */
export function yearOf(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^\d{4}$/.test(raw))
    throw new DomainError('invalid', 'validation_failed', 'year must be a four-digit year', [
      { field: 'year', problem: 'must be a four-digit year' },
    ]);
  return Number(raw);
}
