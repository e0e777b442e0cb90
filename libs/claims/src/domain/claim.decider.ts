import type { ClaimEvent } from './claim.events';
import { evolveClaim, initialClaimState, type ClaimState } from './claim.state';
import {
  adjustClaim,
  approveClaim,
  rejectClaim,
  type AdjustClaim,
  type ApproveClaim,
  type RejectClaim,
} from './review-claim';
import { recordSettlement, type RecordSettlement } from './settle-claim';
import { submitClaim, type SubmitClaim } from './submit-claim';

export type ClaimCommand =
  SubmitClaim | AdjustClaim | RejectClaim | ApproveClaim | RecordSettlement;

/** One claim's stream (`claim-<claimId>`): submission, review, approval, settlement, payment. */
export function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  switch (command.kind) {
    case 'SubmitClaim':
      return submitClaim(command, state);
    case 'AdjustClaim':
      return adjustClaim(command, state);
    case 'RejectClaim':
      return rejectClaim(command, state);
    case 'ApproveClaim':
      return approveClaim(command, state);
    case 'RecordSettlement':
      return recordSettlement(command, state);
  }
}

export const claimDecider = {
  decide: decideClaim,
  evolve: evolveClaim,
  initialState: initialClaimState,
};
