import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  actingStation,
  checkedResidentId,
  Clock,
  POLICY_BOOK,
  type ActingStation,
} from '@circle/enrollment';
import type { Principal } from '@circle/platform';
import type { PolicyBook, PolicyInForce } from '@circle/policy';
import type { BusinessCode } from '@circle/stations';
import { businessOf, claimIdOf, claimOf, invalidClaim, isClaimId } from '../domain';
import type { ClaimRecord } from './claim-record';
import { CLAIMS_STATION_KINDS, type ClaimsStationKinds } from './served-stations';

/** Where and when a command about a claim is recorded. */
export interface AtTheDesk {
  readonly station: ActingStation;
  readonly at: string;
  readonly today: string;
}

/**
 * What every claim command shares: the clerk's station may handle the item, the clock is read
 * once, and the policy in force is looked up for the claim's region.
 */
@Injectable()
export class ClaimDesk {
  constructor(
    private readonly clock: Clock,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
    @Inject(CLAIMS_STATION_KINDS) private readonly served: ClaimsStationKinds,
  ) {}

  open(business: BusinessCode, principal: Principal): AtTheDesk {
    const station = actingStation(business, principal.stationId, this.served);
    const at = this.clock.shanghaiNow();
    return { station, at, today: at.slice(0, 10) };
  }

  /** Supervisors and admins read every claim; a clerk reads where claims are handled. */
  assertMayRead(principal: Principal): void {
    if (principal.role === 'clerk')
      actingStation('MANUAL_REIMBURSEMENT', principal.stationId, this.served);
  }

  /**
   * Whether the caller may act on claims at all, decided before a claim is looked up, so a
   * refusal says nothing about whether the claim exists. Every claim item is handled at the
   * same stations (the hall), so the manual item stands for all of them.
   */
  assertMayAct(principal: Principal): void {
    this.open('MANUAL_REIMBURSEMENT', principal);
  }

  /** The desk for a command on an existing claim: the item is the claim's own kind. */
  openFor(record: ClaimRecord, claimId: string, principal: Principal) {
    const claim = claimOf(record.state, claimId);
    return { claim, ...this.open(businessOf(claim.kind), principal) };
  }

  now(): string {
    return this.clock.shanghaiNow();
  }

  residentId(raw: string, today: string): string {
    return checkedResidentId(raw, today).id;
  }

  /** The version the bill settles by: in force on the day of treatment, which is past. */
  policyOnTreatment(region: string, date: string, today: string): PolicyInForce {
    if (date > today) throw invalidClaim('date', `is after today (${today})`);
    return this.policies.inForce(region, date);
  }

  /** The version whose time limit starts the clock: in force on the day of submission. */
  policyOnSubmission(region: string, today: string): PolicyInForce {
    return this.policies.inForce(region, today);
  }
}

/** A fresh claim id for a claim received at `at`. */
export function newClaimId(at: string): string {
  return claimIdOf(at, randomUUID().replaceAll('-', ''));
}

/** A claim id from a path: malformed is a 422 naming it, never a lookup. */
export function claimIdParam(raw: string): string {
  if (!isClaimId(raw)) throw invalidClaim('claimId', 'must look like CLM-20220610-3f9c2a7b1e04');
  return raw;
}
