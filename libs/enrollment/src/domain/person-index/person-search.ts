import { isIsoDate } from '../calendar-date';
import { InvalidEnrollmentInput } from '../enrollment.errors';
import { nameKey } from './name-key';

export type PersonSearch =
  | { readonly by: 'name'; readonly nameKey: string; readonly birthDate: string }
  | { readonly by: 'phone'; readonly phone: string };

export interface PersonSearchInput {
  readonly name?: string;
  readonly birthDate?: string;
  readonly phone?: string;
}

/**
 * A name alone finds too many people to show, and a birth date alone is no search: the two go
 * together, or the phone alone. The ID number needs no search: it names the person.
 */
export function personSearch(input: PersonSearchInput): PersonSearch {
  const { name, birthDate, phone } = input;
  if (phone !== undefined) {
    if (name !== undefined || birthDate !== undefined)
      throw new InvalidEnrollmentInput('phone', 'is searched alone, without name or birthDate');
    return { by: 'phone', phone };
  }
  if (name === undefined && birthDate === undefined)
    throw new InvalidEnrollmentInput('name', 'with birthDate, or phone, is required');
  if (name === undefined || !nameKey(name))
    throw new InvalidEnrollmentInput('name', 'is required with birthDate');
  if (birthDate === undefined)
    throw new InvalidEnrollmentInput('birthDate', 'is required with name');
  if (!isIsoDate(birthDate)) throw new InvalidEnrollmentInput('birthDate', 'is not a real date');
  return { by: 'name', nameKey: nameKey(name), birthDate };
}
