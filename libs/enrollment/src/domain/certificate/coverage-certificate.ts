import type { CoverageView } from '../insured-person/coverage-view';

/**
 * What a coverage certificate (参保证明) states, exactly as it is printed, so whoever holds the
 * paper can type the same facts back and have the code checked without any record kept of it.
 */
export interface CertificateFacts {
  readonly residentId: string;
  readonly name: string;
  readonly year: number;
  readonly scheme: 'resident' | 'employee';
  readonly status: 'active' | 'awaiting-payment';
  readonly region: string;
  readonly issuedOn: string;
  readonly stationId: string;
}

/** Changing the facts or their order is a new version: codes already printed must still check. */
export const CERTIFICATE_VERSION = 'coverage-certificate/v1';

/** Undefined when there is no year of cover to certify. */
export function certificateFacts(
  view: CoverageView,
  stationId: string,
  today: string,
): CertificateFacts | undefined {
  if (!view.scheme || view.status === 'not-enrolled') return undefined;
  return {
    residentId: view.residentId,
    name: view.name,
    // An employee's cover has no assessed year of its own; it is certified for this one.
    year: view.year ?? Number(today.slice(0, 4)),
    scheme: view.scheme,
    status: view.status,
    region: view.region,
    issuedOn: today,
    stationId,
  };
}

/** One line per fact in a fixed order: no JSON key order or escaping can change what is sealed. */
export function canonicalFacts(facts: CertificateFacts): string {
  return [
    CERTIFICATE_VERSION,
    facts.residentId,
    facts.name,
    String(facts.year),
    facts.scheme,
    facts.status,
    facts.region,
    facts.issuedOn,
    facts.stationId,
  ].join('\n');
}

function groupsOfFour(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1-');
}

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first 80 bits of a seal as 16 characters in four groups: `7K2M-9QXD-A4TR-0BHC`. */
export function certificateCode(seal: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of seal.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return groupsOfFour(text);
}

/** What a person typed, in the code's own form: case, spaces and dashes aside, O as 0, I and L as 1. */
export function normalCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 16 ? groupsOfFour(plain) : plain;
}
