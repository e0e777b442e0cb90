import type { NationalSettlementFields } from '../../../settlement/src/domain';
import type {
  ClaimAdjusted,
  ClaimEvent,
  ClaimSettled,
  ClaimSubmitted,
  PaymentInstructed,
} from './claim.events';

export const CLAIM_STATUSES = ['submitted', 'adjusted', 'approved', 'settled', 'rejected'] as const;
/**
 * `submitted` and `adjusted` wait for review; `approved` is being settled (the bill is final);
 * `settled` and `rejected` are decided for good.
 */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const OPEN_STATUSES: readonly ClaimStatus[] = ['submitted', 'adjusted', 'approved'];

export interface ClaimSettlement extends NationalSettlementFields {
  readonly settlementId: string;
  readonly policyVersion: string;
  readonly fundFen: number;
  readonly at: string;
}

export interface ClaimPayment {
  readonly payee: PaymentInstructed['data']['payee'];
  readonly payeeAccount: string | null;
  readonly amountFen: number;
  readonly at: string;
}

/** One claim as its stream tells it; plain JSON. */
export interface Claim extends Omit<ClaimSubmitted['data'], 'at'> {
  readonly submittedAt: string;
  readonly status: ClaimStatus;
  readonly decidedAt: string | null;
  readonly withinDeadline: boolean | null;
  readonly rejectionReason: string | null;
  readonly settlement: ClaimSettlement | null;
  readonly payment: ClaimPayment | null;
}

export interface ClaimState {
  readonly claim: Claim | null;
}

export const initialClaimState = (): ClaimState => ({ claim: null });

export function isOpen(claim: Pick<Claim, 'status'>): boolean {
  return OPEN_STATUSES.includes(claim.status);
}

function submitted(d: ClaimSubmitted['data']): Claim {
  const { at, ...rest } = d;
  return {
    ...rest,
    submittedAt: at,
    status: 'submitted',
    decidedAt: null,
    withinDeadline: null,
    rejectionReason: null,
    settlement: null,
    payment: null,
  };
}

function adjusted(claim: Claim, d: ClaimAdjusted['data']): Claim {
  const { lines, totalFen, inScopeFen } = d;
  return { ...claim, status: 'adjusted', lines, totalFen, inScopeFen };
}

function settled(claim: Claim, d: ClaimSettled['data']): Claim {
  const { settlementId, policyVersion, fundFen, at } = d;
  const { medfee_sumamt, inscp_scp_amt, act_pay_dedc, hifp_pay, hifmi_pay, hifob_pay } = d;
  const { maf_pay, psn_cash_pay } = d;
  const fields = { medfee_sumamt, inscp_scp_amt, act_pay_dedc, hifp_pay, hifmi_pay, hifob_pay };
  return {
    ...claim,
    status: 'settled',
    decidedAt: at,
    withinDeadline: d.withinDeadline,
    settlement: { settlementId, policyVersion, fundFen, at, ...fields, maf_pay, psn_cash_pay },
  };
}

/** Folds one fact into the claim. */
export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  if (event.type === 'claims.ClaimSubmitted') return { claim: submitted(event.data) };
  const claim = state.claim;
  if (!claim) return state;
  switch (event.type) {
    case 'claims.ClaimAdjusted':
      return { claim: adjusted(claim, event.data) };
    case 'claims.ClaimApproved':
      return { claim: { ...claim, status: 'approved' } };
    case 'claims.ClaimRejected': {
      const { at, withinDeadline, reason } = event.data;
      return {
        claim: {
          ...claim,
          status: 'rejected',
          decidedAt: at,
          withinDeadline,
          rejectionReason: reason,
        },
      };
    }
    case 'claims.ClaimSettled':
      return { claim: settled(claim, event.data) };
    case 'claims.PaymentInstructed': {
      const { payee, payeeAccount, amountFen, at } = event.data;
      return { claim: { ...claim, payment: { payee, payeeAccount, amountFen, at } } };
    }
  }
}
