import { accepted, refused, type CheckResult } from './check-result';
import { InvalidIdentityInput } from './identity.errors';

export interface CreditCode {
  readonly code: string;
  readonly registrationAuthority: string;
  readonly organisationCategory: string;
  readonly areaCode: string;
  readonly organisationCode: string;
}

// GB 32100-2015: 31 characters, the digits and the capitals without I, O, S, V, Z
// (too easily read as 1, 0, 5, U, 2); a character's value is its position here.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015: the weights are 3^(i-1) mod 31 for the 17 body positions.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const BODY = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{9}$/;

/** The GB 32100 check character of the first 17 characters: 31 − (Σ mod 31), 31 written 0. */
export function creditCodeCheckCharacter(body: string): string {
  const total = WEIGHTS.reduce(
    (sum, weight, i) => sum + weight * CHARSET.indexOf(body.charAt(i)),
    0,
  );
  return CHARSET.charAt((31 - (total % 31)) % 31);
}

/**
 * Checks an employer's 18-character unified social credit code (GB 32100-2015). Lower-case
 * letters are read as capitals, as for the resident ID's x: one employer, one key.
 */
export function parseCreditCode(raw: string): CheckResult<CreditCode> {
  if (raw.length !== 18)
    return refused(`A unified social credit code has 18 characters; this one has ${raw.length}.`);
  const code = raw.toUpperCase();
  const stray = [...code].find((c) => !CHARSET.includes(c));
  if (stray !== undefined)
    return refused(
      `"${stray}" cannot appear in a unified social credit code (no I, O, S, V or Z).`,
    );
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return refused(
      'Characters 3 to 8 of a unified social credit code are the area code and must be digits.',
    );
  if (creditCodeCheckCharacter(code) !== code.charAt(17))
    return refused(
      'The check character does not match the other 17 characters; one of them is probably mistyped.',
    );
  return accepted({
    code,
    registrationAuthority: code.charAt(0),
    organisationCategory: code.charAt(1),
    areaCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  });
}

/** A valid code for 17 body characters, used by tests and the demo seed. */
export function makeCreditCode(body: string): string {
  if (!BODY.test(body))
    throw new InvalidIdentityInput(
      `${body} is not 17 credit-code characters with digits in places 3 to 8`,
    );
  return body + creditCodeCheckCharacter(body);
}
