import type { IsoDate } from './calendar-date';
import { DomainError } from '@circle/kernel';
import { parseNationalId, type NationalId } from './national-id';

/** The resident ID of a request, checked, or a 422 naming the field it came in. */
export function checkedResidentId(raw: string, today: IsoDate, field = 'residentId'): NationalId {
  const result = parseNationalId(raw, today);
  if (!result.ok)
    throw new DomainError('invalid', 'validation_failed', result.problem, [
      { field, problem: result.problem },
    ]);
  return result.value;
}

/** One person, one stream, whatever the benefit scheme: the key is the normalised ID. */
export function personStreamId(residentId: string): string {
  return `resident-${residentId}`;
}
