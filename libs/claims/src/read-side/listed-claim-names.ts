import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA, type PersonalData } from '@circle/event-store';
import type { ListedClaim } from './listed-claim';

/**
 * Claim rows keep the masked name as the log does, sealed with the resident's key, so a row
 * and its rebuild agree and an erasure reaches every list at once: the names are opened here,
 * after one key lookup for the whole list.
 */
@Injectable()
export class ListedClaimNames {
  constructor(@Inject(PERSONAL_DATA) private readonly personal: PersonalData) {}

  async open(claims: readonly ListedClaim[]): Promise<ListedClaim[]> {
    if (claims.length === 0) return [];
    const keyring = await this.personal.keyring(claims.map((c) => c.residentId));
    return claims.map((claim) => ({
      ...claim,
      maskedName: keyring.open(claim.residentId, { maskedName: claim.maskedName }).maskedName ?? '',
    }));
  }
}
