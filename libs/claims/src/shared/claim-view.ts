import { isBreached } from '@circle/enrollment';
import {
  isOpen,
  type Claim,
  type ClaimAttachment,
  type ClaimBill,
  type ClaimEvent,
  type ClaimLine,
  type ClaimPayment,
  type ClaimSettlement,
  type ClaimStatus,
} from '../domain';
import type { ClaimRecord } from './claim-record';

/** One step of a claim's history, with the user who recorded it. */
export interface ClaimStep {
  readonly step:
    'submitted' | 'adjusted' | 'approved' | 'rejected' | 'settled' | 'payment-instructed';
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
  readonly reason?: string;
  readonly lines?: readonly ClaimLine[];
  readonly totalFen?: number;
  readonly inScopeFen?: number;
  readonly settlementId?: string;
  readonly amountFen?: number;
}

/** A whole claim as the hall shows it: the bill, its review, its settlement and payment. */
export interface ClaimView {
  readonly claimId: string;
  readonly kind: Claim['kind'];
  readonly business: string;
  readonly status: ClaimStatus;
  readonly residentId: string;
  readonly maskedName: string;
  readonly stationId: string;
  readonly submittedAt: string;
  readonly dueBy: string;
  /** Still open past its due time. */
  readonly overdue: boolean;
  readonly decidedAt: string | null;
  /** Null while open; false for a decision after the due time. */
  readonly withinDeadline: boolean | null;
  readonly timeLimit: Claim['timeLimit'] & { readonly policyVersion: string };
  readonly bill: ClaimBill;
  readonly lines: readonly ClaimLine[];
  readonly attachments: readonly ClaimAttachment[];
  readonly payeeAccount: string | null;
  readonly totalFen: number;
  readonly inScopeFen: number;
  readonly rejectionReason: string | null;
  readonly settlement: ClaimSettlement | null;
  readonly paymentInstruction: ClaimPayment | null;
  readonly history: readonly ClaimStep[];
}

const STEP_OF: Readonly<Record<ClaimEvent['type'], ClaimStep['step']>> = {
  'claims.ClaimSubmitted': 'submitted',
  'claims.ClaimAdjusted': 'adjusted',
  'claims.ClaimApproved': 'approved',
  'claims.ClaimRejected': 'rejected',
  'claims.ClaimSettled': 'settled',
  'claims.PaymentInstructed': 'payment-instructed',
};

function details(event: ClaimEvent): Partial<ClaimStep> {
  switch (event.type) {
    case 'claims.ClaimSubmitted':
    case 'claims.ClaimApproved':
      return { totalFen: event.data.totalFen, inScopeFen: event.data.inScopeFen };
    case 'claims.ClaimAdjusted': {
      const { reason, lines, totalFen, inScopeFen } = event.data;
      return { reason, lines, totalFen, inScopeFen };
    }
    case 'claims.ClaimRejected':
      return { reason: event.data.reason };
    case 'claims.ClaimSettled':
      return { settlementId: event.data.settlementId, amountFen: event.data.fundFen };
    case 'claims.PaymentInstructed':
      return { settlementId: event.data.settlementId, amountFen: event.data.amountFen };
  }
}

function historyOf(record: ClaimRecord): ClaimStep[] {
  return record.events.map((event) => ({
    step: STEP_OF[event.type],
    at: event.data.at,
    stationId: event.data.stationId,
    actor: event.metadata.actor,
    ...details(event),
  }));
}

/** The claim as of `now` (which decides whether it is overdue); null when there is none. */
export function claimViewOf(record: ClaimRecord, now: string): ClaimView | null {
  const claim = record.state.claim;
  if (!claim) return null;
  const { region, date, scheme, insuredCategory, setting, tier, disease } = claim;
  return {
    claimId: claim.claimId,
    kind: claim.kind,
    business: claim.business,
    status: claim.status,
    residentId: claim.residentId,
    maskedName: claim.maskedName,
    stationId: claim.stationId,
    submittedAt: claim.submittedAt,
    dueBy: claim.dueBy,
    overdue: isOpen(claim) && isBreached(claim.dueBy, now),
    decidedAt: claim.decidedAt,
    withinDeadline: claim.withinDeadline,
    timeLimit: { ...claim.timeLimit, policyVersion: claim.policyVersion },
    bill: {
      region,
      date,
      scheme,
      insuredCategory,
      setting,
      tier,
      disease,
      treatmentRegion: claim.treatmentRegion,
      admissionId: claim.admissionId,
    },
    lines: claim.lines,
    attachments: claim.attachments,
    payeeAccount: claim.payeeAccount,
    totalFen: claim.totalFen,
    inScopeFen: claim.inScopeFen,
    rejectionReason: claim.rejectionReason,
    settlement: claim.settlement,
    paymentInstruction: claim.payment,
    history: historyOf(record),
  };
}
