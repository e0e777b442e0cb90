import { notice } from '../../../enrollment/src/domain';
import { checkBill, type PersonToNotify } from '../../../settlement/src/domain';
import { claimKindName } from './claim-kind';
import { isWithinDeadline } from './claim-clock';
import { checkedLines, totalsOf } from './claim-lines';
import {
  fact,
  type ClaimAdjusted,
  type ClaimApproved,
  type ClaimEvent,
  type ClaimRejected,
} from './claim.events';
import type { Claim, ClaimState } from './claim.state';
import { ClaimConflict, ClaimNotFound, invalidClaim } from './claims.errors';
import { billOfClaim } from './submit-claim';

interface ReviewStep {
  readonly claimId: string;
  readonly stationId: string;
  readonly at: string;
}

export interface AdjustClaim extends ReviewStep {
  readonly kind: 'AdjustClaim';
  /** As sent: checked line by line. */
  readonly lines: unknown;
  readonly reason: string;
}

export interface RejectClaim extends ReviewStep {
  readonly kind: 'RejectClaim';
  readonly reason: string;
  /** The phone and name on the person's record now, for the SMS. */
  readonly person: PersonToNotify;
}

export interface ApproveClaim extends ReviewStep {
  readonly kind: 'ApproveClaim';
}

const MAX_REASON = 200;

export function claimOf(state: ClaimState, claimId: string): Claim {
  if (!state.claim) throw new ClaimNotFound(claimId);
  return state.claim;
}

/**
 * Review changes a claim only while it waits for review. Once approved the bill is final and
 * is being settled; settled and rejected claims are decided for good.
 */
export function underReview(state: ClaimState, claimId: string): Claim {
  const claim = claimOf(state, claimId);
  if (claim.status === 'approved')
    throw new ClaimConflict(
      'claim_being_settled',
      `claim ${claimId} is approved and its settlement is not finished; approve it again to finish`,
    );
  if (claim.status === 'settled' || claim.status === 'rejected')
    throw new ClaimConflict('claim_decided', `claim ${claimId} is already ${claim.status}`);
  return claim;
}

function checkedReason(raw: string): string {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length === 0 || reason.length > MAX_REASON)
    throw invalidClaim('reason', `must say why, in 1 to ${MAX_REASON} characters`);
  return reason;
}

/** The reviewer corrects the bill lines (an item out of scope, a figure misread), saying why. */
export function adjustClaim(command: AdjustClaim, state: ClaimState): ClaimEvent[] {
  const claim = underReview(state, command.claimId);
  const reason = checkedReason(command.reason);
  const lines = checkedLines(command.lines);
  const totals = totalsOf(lines);
  checkBill(billOfClaim(claim, totals));
  return [
    fact<ClaimAdjusted>('claims.ClaimAdjusted', {
      claimId: claim.claimId,
      residentId: claim.residentId,
      stationId: command.stationId,
      at: command.at,
      reason,
      lines,
      ...totals,
    }),
  ];
}

/** A rejection always says why, and the resident is told so. */
export function rejectClaim(command: RejectClaim, state: ClaimState): ClaimEvent[] {
  const claim = underReview(state, command.claimId);
  const reason = checkedReason(command.reason);
  const summary = `您的${claimKindName(claim.kind)}申请（受理号${claim.claimId}）未通过审核：${reason}`;
  return [
    fact<ClaimRejected>('claims.ClaimRejected', {
      claimId: claim.claimId,
      residentId: claim.residentId,
      stationId: command.stationId,
      at: command.at,
      reason,
      dueBy: claim.dueBy,
      withinDeadline: isWithinDeadline(claim.dueBy, command.at),
      notice: notice(command.person, summary),
    }),
  ];
}

/**
 * Approval freezes the bill as it stands and starts its settlement. Approving a claim already
 * approved records nothing, so a settlement cut short by a crash is finished by approving again.
 */
export function approveClaim(command: ApproveClaim, state: ClaimState): ClaimEvent[] {
  const claim = claimOf(state, command.claimId);
  if (claim.status === 'approved') return [];
  underReview(state, command.claimId);
  return [
    fact<ClaimApproved>('claims.ClaimApproved', {
      claimId: claim.claimId,
      residentId: claim.residentId,
      stationId: command.stationId,
      at: command.at,
      totalFen: claim.totalFen,
      inScopeFen: claim.inScopeFen,
    }),
  ];
}
