import { isIsoDate, type IsoDate } from './iso-date';
import { isInForce, policyVersionId, type Policy } from './policy';
import {
  DuplicatePolicyVersion,
  InvalidQuoteInput,
  NoPolicyInForce,
  OverlappingPolicies,
  UnknownPolicyVersion,
  UnknownRegion,
} from './policy.errors';

/**
 * Every region's policy versions, each day covered by at most one. Settlements ask for the
 * version in force on the day of treatment and cite it, so a later version never rewrites them.
 */
export class PolicyBook {
  private readonly byRegion: ReadonlyMap<string, readonly Policy[]>;

  constructor(policies: readonly Policy[]) {
    const byRegion = new Map<string, Policy[]>();
    for (const policy of policies)
      byRegion.set(policy.region, [...(byRegion.get(policy.region) ?? []), policy]);
    for (const [region, versions] of byRegion) {
      versions.sort((a, b) =>
        a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
      );
      rejectOverlaps(region, versions);
    }
    this.byRegion = byRegion;
  }

  regions(): string[] {
    return [...this.byRegion.keys()].sort();
  }

  /** The region's versions, oldest first. */
  versions(region: string): readonly Policy[] {
    const versions = this.byRegion.get(region);
    if (!versions) throw new UnknownRegion(region);
    return versions;
  }

  /** The version in force on `date` (YYYY-MM-DD, Asia/Shanghai). */
  forDate(region: string, date: IsoDate): Policy {
    if (!isIsoDate(date))
      throw new InvalidQuoteInput('date', 'must be a real date written YYYY-MM-DD');
    const policy = this.versions(region).find((candidate) => isInForce(candidate, date));
    if (!policy) throw new NoPolicyInForce(region, date);
    return policy;
  }

  /** A version by its name, to re-read what a past settlement cited. */
  version(region: string, version: string): Policy {
    const policy = this.versions(region).find((candidate) => candidate.version === version);
    if (!policy) throw new UnknownPolicyVersion(region, version);
    return policy;
  }
}

function rejectOverlaps(region: string, sorted: readonly Policy[]): void {
  sorted.forEach((policy, i) => {
    if (sorted.findIndex((other) => other.version === policy.version) !== i)
      throw new DuplicatePolicyVersion(policyVersionId(policy));
    const previous = sorted[i - 1];
    if (
      previous &&
      (previous.effectiveTo === undefined || previous.effectiveTo >= policy.effectiveFrom)
    )
      throw new OverlappingPolicies(region, policyVersionId(previous), policyVersionId(policy));
  });
}
