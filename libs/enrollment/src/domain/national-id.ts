import { isIsoDate, type IsoDate } from './calendar-date';
import { accepted, refused, type CheckResult } from './check-result';
import { InvalidIdentityInput } from './identity.errors';

export interface NationalId {
  /** The 18 characters, a final x written as X. */
  readonly id: string;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
  readonly areaCode: string;
}

// GB 11643-1999: weights 2^(17-i) mod 11 for the 17 body digits (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// The check character for each value of (weighted sum mod 11); 10 is written as the Roman X.
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH = '1900-01-01';

/** The GB 11643 check character of the first 17 digits. */
export function nationalIdCheckCharacter(body: string): string {
  const total = WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(body[i]), 0);
  return CHECK_CHARACTERS[total % 11] as string;
}

/**
 * Checks an 18-character resident ID (GB 11643-1999) and reads what it encodes. A lower-case
 * x is accepted and stored as X: GB 11643 writes ten as the Roman numeral X, people often type
 * x, and one person must have one key for the duplicate-enrollment check.
 * `today` is the day (Asia/Shanghai) a birth date may not be after.
 */
export function parseNationalId(raw: string, today: IsoDate): CheckResult<NationalId> {
  if (!isIsoDate(today))
    throw new InvalidIdentityInput(`today (${today}) must be a date written YYYY-MM-DD`);
  if (raw.length !== 18)
    return refused(`A resident ID has 18 characters; this one has ${raw.length}.`);
  const id = raw.endsWith('x') ? `${raw.slice(0, 17)}X` : raw;
  if (!/^\d{17}$/.test(id.slice(0, 17)))
    return refused('The first 17 characters of a resident ID must all be digits.');
  if (!/^[\dX]$/.test(id.charAt(17)))
    return refused('The last character of a resident ID must be a digit or X.');
  const areaCode = id.slice(0, 6);
  if (!/^[1-8]/.test(areaCode))
    return refused(
      `The area code ${areaCode} cannot be right: area codes start with a digit from 1 to 8.`,
    );
  const birthProblem = problemWithBirthDate(id.slice(6, 14), today);
  if (birthProblem) return refused(birthProblem);
  if (nationalIdCheckCharacter(id) !== id.charAt(17))
    return refused(
      'The check character does not match the other 17 characters; one of them is probably mistyped.',
    );
  return accepted({
    id,
    birthDate: isoFromCompact(id.slice(6, 14)),
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    areaCode,
  });
}

function problemWithBirthDate(compact: string, today: IsoDate): string | undefined {
  const birthDate = isoFromCompact(compact);
  if (!isIsoDate(birthDate)) return `The birth date ${compact} in the ID is not a real date.`;
  if (birthDate > today) return `The birth date ${birthDate} in the ID is in the future.`;
  if (birthDate < EARLIEST_BIRTH) return `The birth date ${birthDate} in the ID is before 1900.`;
  return undefined;
}

function isoFromCompact(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

/**
 * A valid ID for an area, birth date and sequence number (0–999; odd for men, GB 11643), used
 * by tests and the demo seed to make residents who pass every check.
 */
export function makeNationalId(areaCode: string, birthDate: IsoDate, sequence: number): string {
  if (!/^[1-8]\d{5}$/.test(areaCode))
    throw new InvalidIdentityInput(`area code ${areaCode} must be 6 digits starting 1-8`);
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH)
    throw new InvalidIdentityInput(`birth date ${birthDate} must be a real date from 1900 on`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999)
    throw new InvalidIdentityInput(`sequence ${sequence} must be a whole number from 0 to 999`);
  const body = `${areaCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return body + nationalIdCheckCharacter(body);
}

/**
 * Whole years of age on `date`. Someone born on 29 February is a year older on 1 March in
 * common years.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(date) || date < birthDate)
    throw new InvalidIdentityInput(
      `cannot tell the age on ${date} of someone born on ${birthDate}`,
    );
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [dy, dm, dd] = date.split('-').map(Number);
  return dy - by - (dm > bm || (dm === bm && dd >= bd) ? 0 : 1);
}
