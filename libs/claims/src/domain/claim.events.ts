import type { Notice } from '../../../enrollment/src/domain';
import type { InstitutionTier, ResidentCategory, TimeLimit } from '../../../policy/src/domain';
import type { NationalSettlementFields, Scheme, Setting } from '../../../settlement/src/domain';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { ClaimKind } from './claim-kind';
import type { ClaimAttachment, ClaimLine } from './claim-lines';

/** A past-tense fact of one claim's stream: type, schema version, plain data. */
interface Fact<Type extends string, Data> {
  readonly type: Type;
  readonly schemaVersion: 1;
  readonly data: Data;
}

/** Every fact names the claim, the person, the station that recorded it and when. */
interface Recorded {
  readonly claimId: string;
  readonly residentId: string;
  readonly stationId: string;
  /** ISO 8601 instant with offset. */
  readonly at: string;
}

/** The bill as the claim states it, besides its lines: what the calculator settles on. */
export interface ClaimBill {
  /** The insured person's policy region. */
  readonly region: string;
  /** Day of treatment (discharge day for an admission). */
  readonly date: string;
  readonly scheme: Scheme;
  readonly insuredCategory: ResidentCategory;
  readonly setting: Setting;
  readonly tier: InstitutionTier;
  /** Chronic outpatient only: the disease code. */
  readonly disease: string | null;
  /** Where the care was given; the person's own region when it was at home. */
  readonly treatmentRegion: string;
  /** The treating hospital's admission or invoice number, when the receipts show one. */
  readonly admissionId: string | null;
}

export type ClaimSubmitted = Fact<
  'claims.ClaimSubmitted',
  Recorded &
    ClaimBill & {
      readonly kind: ClaimKind;
      readonly business: BusinessCode;
      readonly maskedName: string;
      readonly lines: readonly ClaimLine[];
      readonly attachments: readonly ClaimAttachment[];
      readonly payeeAccount: string | null;
      readonly totalFen: number;
      readonly inScopeFen: number;
      /** The time limit and the policy version in force on the day of submission it came from. */
      readonly timeLimit: TimeLimit;
      readonly policyVersion: string;
      readonly dueBy: string;
    }
>;

export type ClaimAdjusted = Fact<
  'claims.ClaimAdjusted',
  Recorded & {
    readonly reason: string;
    readonly lines: readonly ClaimLine[];
    readonly totalFen: number;
    readonly inScopeFen: number;
  }
>;

export type ClaimRejected = Fact<
  'claims.ClaimRejected',
  Recorded & {
    readonly reason: string;
    readonly dueBy: string;
    readonly withinDeadline: boolean;
    readonly notice: Notice;
  }
>;

/** The reviewer's approval: the bill as it stands is final and is being settled. */
export type ClaimApproved = Fact<
  'claims.ClaimApproved',
  Recorded & { readonly totalFen: number; readonly inScopeFen: number }
>;

export type ClaimSettled = Fact<
  'claims.ClaimSettled',
  Recorded &
    NationalSettlementFields & {
      readonly settlementId: string;
      readonly policyVersion: string;
      /** What the funds pay: everything but the person's own cash share. */
      readonly fundFen: number;
      readonly dueBy: string;
      readonly withinDeadline: boolean;
      readonly notice: Notice;
    }
>;

export type PaymentInstructed = Fact<
  'claims.PaymentInstructed',
  Recorded & {
    readonly settlementId: string;
    readonly payee: { readonly residentId: string; readonly name: string };
    /** The bank account the resident gave; null pays to their social security card's account. */
    readonly payeeAccount: string | null;
    readonly amountFen: number;
  }
>;

export type ClaimEvent =
  ClaimSubmitted | ClaimAdjusted | ClaimRejected | ClaimApproved | ClaimSettled | PaymentInstructed;

export const CLAIM_EVENT_TYPES: readonly ClaimEvent['type'][] = [
  'claims.ClaimSubmitted',
  'claims.ClaimAdjusted',
  'claims.ClaimRejected',
  'claims.ClaimApproved',
  'claims.ClaimSettled',
  'claims.PaymentInstructed',
];

export function isClaimEvent(event: { readonly type: string }): event is ClaimEvent {
  return (CLAIM_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Builds a fact with its schema version, so deciders name only type and data. */
export function fact<E extends ClaimEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: 1, data } as E;
}
