const CLAIM_ID = /^CLM-\d{8}-[0-9a-f]{12}$/;

/** `CLM-20260604-3f9c2a7b1e04`: the day it was submitted and a random part; no ID number in it. */
export function isClaimId(value: string): boolean {
  return CLAIM_ID.test(value);
}

/** Built from the submission instant and a random hex part, both passed in. */
export function claimIdOf(at: string, randomHex: string): string {
  return `CLM-${at.slice(0, 10).replaceAll('-', '')}-${randomHex.slice(0, 12)}`;
}

export function claimStreamId(claimId: string): string {
  return `claim-${claimId}`;
}
