import { RecentMap } from '@circle/kernel';
import type { Principal } from './principal';

const KEPT = 2_000;

/** What a checked token says: who calls, and the token generation it was issued in. */
export interface VerifiedToken {
  readonly principal: Principal;
  readonly generation: number;
}

/**
 * Tokens whose signature was already checked, until each token expires. A clerk's console sends
 * the same token with every call; checking its HMAC and parsing its JSON once instead of on each
 * of hundreds of calls takes that work off every request. The whole token is the key, so a
 * token differing in any byte is checked afresh. Revocation is not decided here: the guard
 * compares the kept generation with the user's current one on every request.
 */
export class VerifiedTokens {
  private readonly kept = new RecentMap<string, VerifiedToken & { expiresAt: number }>(KEPT);

  verifiedAs(token: string, now = Date.now()): VerifiedToken | undefined {
    const entry = this.kept.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.kept.delete(token);
      return undefined;
    }
    return entry;
  }

  keep(token: string, verified: VerifiedToken, expiresAtSeconds: number | undefined): void {
    if (expiresAtSeconds === undefined) return;
    this.kept.set(token, { ...verified, expiresAt: expiresAtSeconds * 1000 });
  }
}
