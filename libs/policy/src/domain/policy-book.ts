import { isIsoDate, nextDay, type IsoDate } from './iso-date';
import { parsePolicyVersionId, policyVersionId, type Policy } from './policy';
import {
  DuplicatePolicyVersion,
  InvalidQuoteInput,
  NoPolicyInForce,
  OverlappingPolicies,
  PolicyContentChanged,
  UnknownPolicyVersion,
  UnknownRegion,
} from './policy.errors';

/** Said in every answer whose figures come from a version used past its own period. */
export interface PolicyWarning {
  readonly code: 'policy_carried_forward';
  /** The pinned id of the version carried forward. */
  readonly policyVersion: string;
  readonly message: string;
  readonly messageZh: string;
}

/** The version that applies on a day, the id that cites it, and whether it is carried forward. */
export interface PolicyInForce {
  readonly policy: Policy;
  readonly versionId: string;
  readonly warning: PolicyWarning | null;
}

/** A region whose version in force has outlived the period its notice names. */
export interface CarriedForwardRegion {
  readonly region: string;
  readonly policyVersion: string;
  readonly ownPeriodEnd: IsoDate;
  /** The first day the version served past its own period. */
  readonly since: IsoDate;
}

/** The warning for applying `policy` on `date`, or null while `date` is within its own period. */
export function carriedForwardWarning(
  policy: Policy,
  date: IsoDate,
  versionId: string = policyVersionId(policy),
): PolicyWarning | null {
  const end = policy.periodEnd;
  if (end === undefined || date <= end) return null;
  const { region, version, effectiveFrom } = policy;
  return {
    code: 'policy_carried_forward',
    policyVersion: versionId,
    message: `${region} policy ${version} names ${effectiveFrom} to ${end}; it was applied on ${date} because no later ${region} version is on file`,
    messageZh: `${region}政策${version}版的适用期为${effectiveFrom}至${end}；因无更新的政策文件，${date}继续沿用该版。`,
  };
}

/**
 * Every region's policy versions. A version stays in force from its effective date until a
 * later version of the region takes effect, as real notices do: a year with no new notice keeps
 * the last one (and says so). Settlements ask for the version in force on the day of treatment
 * and cite its pinned id, so neither a later version nor an edited file rewrites them.
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
      rejectClashes(region, versions);
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

  /** The version in force on `date` (YYYY-MM-DD, Asia/Shanghai): the latest to have taken effect. */
  inForce(region: string, date: IsoDate): PolicyInForce {
    if (!isIsoDate(date))
      throw new InvalidQuoteInput('date', 'must be a real date written YYYY-MM-DD');
    const policy = this.versions(region).findLast((candidate) => candidate.effectiveFrom <= date);
    if (!policy) throw new NoPolicyInForce(region, date);
    const versionId = policyVersionId(policy);
    return { policy, versionId, warning: carriedForwardWarning(policy, date, versionId) };
  }

  forDate(region: string, date: IsoDate): Policy {
    return this.inForce(region, date).policy;
  }

  /**
   * A version by its name (`2022`) or its cited id (`taibai-lake@2022#3f9a0c1d2b4e`), to re-read
   * what a past record used. An id whose hash differs from the file's is refused; an id without
   * a hash was written before versions were pinned and is taken by its name.
   */
  version(region: string, versionOrId: string): Policy {
    const cited = versionOrId.includes('@')
      ? parsePolicyVersionId(versionOrId)
      : { region, version: versionOrId };
    const policy =
      cited?.region === region
        ? this.versions(region).find((candidate) => candidate.version === cited.version)
        : undefined;
    if (!cited || !policy) throw new UnknownPolicyVersion(region, versionOrId);
    if (cited.contentHash !== undefined && cited.contentHash !== policy.contentHash)
      throw new PolicyContentChanged(versionOrId, policyVersionId(policy));
    return policy;
  }

  /** The regions whose version in force on `today` is carried past its own period. */
  carriedForwardRegions(today: IsoDate): CarriedForwardRegion[] {
    return this.regions().flatMap((region) => {
      if (this.versions(region)[0].effectiveFrom > today) return [];
      const { policy, versionId, warning } = this.inForce(region, today);
      if (!warning || policy.periodEnd === undefined) return [];
      const ownPeriodEnd = policy.periodEnd;
      return [{ region, policyVersion: versionId, ownPeriodEnd, since: nextDay(ownPeriodEnd) }];
    });
  }
}

/**
 * A version's own period may run past the next one's start (a mid-year notice supersedes the
 * rest of the year), but two versions taking effect on one day leave the day to a guess.
 */
function rejectClashes(region: string, sorted: readonly Policy[]): void {
  sorted.forEach((policy, i) => {
    if (sorted.findIndex((other) => other.version === policy.version) !== i)
      throw new DuplicatePolicyVersion(`${region}@${policy.version}`);
    const previous = sorted[i - 1];
    if (previous && previous.effectiveFrom === policy.effectiveFrom)
      throw new OverlappingPolicies(region, policyVersionId(previous), policyVersionId(policy));
  });
}
