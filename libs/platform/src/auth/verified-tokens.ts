import type { Principal } from './principal';

const KEPT = 2_000;

/**
 * Principals of tokens whose signature was already checked, until each token expires. A clerk's
 * console sends the same token with every call; checking its HMAC and parsing its JSON once
 * instead of on each of hundreds of calls takes that work off every request. The whole token
 * is the key, so a token differing in any byte is checked afresh.
 */
export class VerifiedTokens {
  private readonly kept = new Map<string, { principal: Principal; expiresAt: number }>();

  principalOf(token: string, now = Date.now()): Principal | undefined {
    const entry = this.kept.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.kept.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  keep(token: string, principal: Principal, expiresAtSeconds: number | undefined): void {
    if (expiresAtSeconds === undefined) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(token, { principal, expiresAt: expiresAtSeconds * 1000 });
  }
}
