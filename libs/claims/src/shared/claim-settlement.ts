import { Inject, Injectable } from '@nestjs/common';
import { POLICY_BOOK, type ActingStation, type InsuredPersonState } from '@circle/enrollment';
import type { CommandContext } from '@circle/event-store';
import type { PolicyBook } from '@circle/policy';
import {
  AdmissionAlreadySettled,
  BenefitYears,
  newSettlementId,
  standingSettlementOf,
  type BenefitYearEvent,
  type PersonToNotify,
} from '@circle/settlement';
import {
  benefitYearOf,
  ClaimRuleBroken,
  settleBillOf,
  settledBillOf,
  type Claim,
  type SettledBill,
} from '../domain';

/** The settlement of an approved claim, and who the SMS about it goes to. */
export interface ClaimSettledBill {
  readonly settled: SettledBill;
  readonly person: PersonToNotify;
}

export function toNotify(state: InsuredPersonState): PersonToNotify {
  if (!state.person)
    throw new ClaimRuleBroken('not_on_record', 'residentId', 'is no longer on record');
  return { phone: state.person.phone, name: state.person.name };
}

function settledIn({ events }: { readonly events: readonly BenefitYearEvent[] }): SettledBill {
  const settled = events.find((e) => e.type === 'settlement.BillSettled');
  if (settled?.type !== 'settlement.BillSettled')
    throw new Error('a settlement must record the bill it settled');
  return settledBillOf({ settlementId: settled.data.settlementId, figures: settled.data });
}

/**
 * The middle step of approving a claim: its bill settled on the person's benefit year, one
 * transaction on that year's stream. A transaction appends to one stream only, so the claim
 * records the result in a step of its own; if that step never ran, the year already holds the
 * settlement (admission id = claim id), and this step finds it instead of settling twice.
 */
@Injectable()
export class ClaimSettlement {
  constructor(
    private readonly years: BenefitYears,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  async settle(
    claim: Claim,
    context: CommandContext,
    desk: { readonly station: ActingStation; readonly at: string },
  ): Promise<ClaimSettledBill> {
    const year = benefitYearOf(claim);
    const earlier = await this.earlier(claim, year);
    if (earlier) return earlier;
    const inForce = this.policies.inForce(claim.region, claim.date);
    const terms = {
      policy: inForce.policy,
      policyVersion: inForce.versionId,
      stationId: desk.station.stationId,
      at: desk.at,
    };
    // The clerk's key answers the whole approval, which the claim's last step keeps.
    const once = { ...context, idempotency: undefined };
    try {
      return await this.years.decide(
        claim.residentId,
        year,
        (person) =>
          settleBillOf(claim, { ...terms, settlementId: newSettlementId(desk.at), person }),
        once,
        (decided, person) => ({ settled: settledIn(decided), person: toNotify(person) }),
      );
    } catch (error) {
      // Two approvals of one claim at once: the second finds what the first settled.
      const found = error instanceof AdmissionAlreadySettled && (await this.earlier(claim, year));
      if (found) return found;
      throw error;
    }
  }

  /** A settlement of this claim that still stands on its benefit year, if any. */
  async earlier(claim: Claim, year: number): Promise<ClaimSettledBill | null> {
    const standing = standingSettlementOf(
      await this.years.year(claim.residentId, year),
      claim.claimId,
    );
    if (!standing) return null;
    return {
      settled: settledBillOf(standing),
      person: toNotify(await this.years.person(claim.residentId)),
    };
  }
}
