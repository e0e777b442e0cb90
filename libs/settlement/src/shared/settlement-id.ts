import { DomainError } from '@circle/kernel';

const SETTLEMENT_ID = /^STL-\d{8}-[0-9a-f]{12}$/;

/** A settlement id from a path: malformed is a 422 naming it, never a lookup. */
export function settlementIdParam(raw: string): string {
  if (!SETTLEMENT_ID.test(raw))
    throw new DomainError('invalid', 'validation_failed', 'settlementId is not a settlement id', [
      { field: 'settlementId', problem: 'must look like STL-20220601-3f9c2a7b1e04' },
    ]);
  return raw;
}
