import type { Fen, IsoDate, Policy } from '../../../policy/src/domain';
import { loadPolicyBook } from '../../../policy/src/policy-files';
import { emptyBenefitYearTotals, type BenefitYearTotals } from '../domain/benefit-year-totals';
import { HOME_STANDING, type Bill, type PersonStanding } from '../domain/bill';
import type { SettlementInput } from '../domain/calculate-settlement';

/** The repository's policy files, as the apps load them. */
export const POLICIES = loadPolicyBook();

export interface PolicyInForce {
  readonly policy: Policy;
  readonly policyVersion: string;
}

export function policyOn(region: string, date: IsoDate): PolicyInForce {
  const { policy, versionId } = POLICIES.inForce(region, date);
  return { policy, policyVersion: versionId };
}

/** The seed's worked example: a resident's admission to a secondary hospital, June 2022. */
export const WORKED_EXAMPLE: Bill = {
  date: '2022-06-01',
  scheme: 'resident',
  insuredCategory: 'general',
  setting: 'inpatient',
  tier: 2,
  totalFen: 3_000_000 as Fen,
  inScopeFen: 2_600_000 as Fen,
};

export interface Given {
  readonly region?: string;
  readonly bill?: Partial<Bill>;
  readonly standing?: Partial<PersonStanding>;
  readonly totals?: Partial<BenefitYearTotals>;
  /** Replaces figures of the policy in force, for rules the real files never reach. */
  readonly policy?: (policy: Policy) => Policy;
}

/** A settlement input: the worked example unless told otherwise, on an unused benefit year. */
export function given({ region = 'taibai-lake', ...rest }: Given = {}): SettlementInput {
  const bill = { ...WORKED_EXAMPLE, ...rest.bill };
  const inForce = policyOn(region, bill.date);
  return {
    policy: rest.policy ? rest.policy(inForce.policy) : inForce.policy,
    policyVersion: inForce.policyVersion,
    bill,
    standing: { ...HOME_STANDING, ...rest.standing },
    totals: { ...emptyBenefitYearTotals(), ...rest.totals },
  };
}

export const fen = (amount: number): Fen => amount as Fen;
