import { OFFSITE_FILING_TYPES, type OffsiteFilingType } from '../../../../policy/src/domain/policy';
import type { ResidentCategory } from '../../../../policy/src/domain/resident-category';
import type { IsoDate } from '../calendar-date';
import type { Notice } from '../notice';

/** A past-tense fact of one insured person's stream: type, schema version, plain data. */
interface Fact<Type extends string, Data> {
  readonly type: Type;
  readonly schemaVersion: 1;
  readonly data: Data;
}

/** Every fact names the person, the station that recorded it and when. */
interface Recorded {
  readonly residentId: string;
  readonly stationId: string;
  /** ISO 8601 instant with offset. */
  readonly at: string;
}

/** Business results also carry what the SMS about them needs. */
interface Notified {
  readonly notice: Notice;
}

export type Sex = 'male' | 'female';
export type PaymentMethod = 'cash' | 'bank' | 'app';
/** The filing types are the policy's, since the policy says which are still asked for. */
export type FilingType = OffsiteFilingType;
export type TransferDirection = 'in' | 'out';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'bank', 'app'];
export const FILING_TYPES: readonly FilingType[] = OFFSITE_FILING_TYPES;
export const TRANSFER_DIRECTIONS: readonly TransferDirection[] = ['in', 'out'];

/** The details a clerk may correct later; identity (ID, birth date, sex) never changes. */
export interface ContactDetails {
  readonly name: string;
  readonly phone: string | null;
  readonly address: string | null;
  readonly communityId: string | null;
  readonly householdId: string | null;
}

export type ResidentEnrolled = Fact<
  'enrollment.ResidentEnrolled',
  Recorded &
    Notified &
    ContactDetails & {
      readonly birthDate: IsoDate;
      readonly sex: Sex;
      readonly category: ResidentCategory;
      readonly region: string;
      readonly year: number;
      readonly policyVersion: string;
    }
>;

export type ContributionAssessed = Fact<
  'enrollment.ContributionAssessed',
  Recorded &
    Notified & {
      readonly year: number;
      readonly region: string;
      readonly category: ResidentCategory;
      readonly policyVersion: string;
      readonly individualFen: number;
      readonly subsidyFen: number;
      readonly payableFen: number;
      readonly waivedFen: number;
    }
>;

export type ContributionPaid = Fact<
  'enrollment.ContributionPaid',
  Recorded &
    Notified & {
      readonly year: number;
      readonly receiptNumber: string;
      readonly method: PaymentMethod;
      readonly reference: string | null;
      readonly amountFen: number;
      /** Paid for the year so far, this payment included. */
      readonly paidFen: number;
      readonly outstandingFen: number;
    }
>;

export type CoverageActivated = Fact<
  'enrollment.CoverageActivated',
  Recorded &
    Notified & {
      readonly year: number;
      readonly scheme: 'resident';
      readonly region: string;
      readonly policyVersion: string;
      readonly activeFrom: IsoDate;
      readonly activeTo: IsoDate;
    }
>;

export interface FieldChange {
  readonly field: keyof ContactDetails | 'category';
  readonly from: string | null;
  readonly to: string | null;
}

export type InsuredInformationChanged = Fact<
  'enrollment.InsuredInformationChanged',
  Recorded & Notified & { readonly changes: readonly FieldChange[]; readonly reason: string | null }
>;

export type EmployeeEnrolled = Fact<
  'enrollment.EmployeeEnrolled',
  Recorded &
    Notified & {
      readonly name: string;
      readonly phone: string | null;
      readonly birthDate: IsoDate;
      readonly sex: Sex;
      readonly creditCode: string;
      readonly employerName: string;
      readonly region: string;
      readonly joinedOn: IsoDate;
    }
>;

export type EmployeeLeft = Fact<
  'enrollment.EmployeeLeft',
  Recorded &
    Notified & {
      readonly creditCode: string;
      readonly employerName: string;
      readonly leftOn: IsoDate;
    }
>;

export type OffsiteTreatmentFiled = Fact<
  'enrollment.OffsiteTreatmentFiled',
  Recorded &
    Notified & {
      readonly filingId: string;
      readonly filingType: FilingType;
      readonly destinationRegion: string;
      readonly destinationHospital: string | null;
      readonly validFrom: IsoDate;
      readonly validTo: IsoDate | null;
    }
>;

export type ChronicQualificationApplied = Fact<
  'enrollment.ChronicQualificationApplied',
  Recorded &
    Notified & {
      readonly qualificationId: string;
      readonly disease: string;
      readonly diseaseName: string;
      readonly region: string;
      readonly year: number;
      readonly policyVersion: string;
      /** The end of the last working day of the time limit, Asia/Shanghai. */
      readonly deadline: string;
    }
>;

interface Decided {
  readonly qualificationId: string;
  readonly disease: string;
  readonly deadline: string;
  readonly withinDeadline: boolean;
}

export type ChronicQualificationApproved = Fact<
  'enrollment.ChronicQualificationApproved',
  Recorded & Notified & Decided & { readonly reason: string | null }
>;

export type ChronicQualificationRejected = Fact<
  'enrollment.ChronicQualificationRejected',
  Recorded & Notified & Decided & { readonly reason: string }
>;

export type CoverageTransferRequested = Fact<
  'enrollment.CoverageTransferRequested',
  Recorded &
    Notified & {
      readonly transferId: string;
      readonly direction: TransferDirection;
      readonly fromRegion: string;
      readonly toRegion: string;
      readonly deadline: string;
    }
>;

interface TransferClosed {
  readonly transferId: string;
  readonly deadline: string;
  readonly withinDeadline: boolean;
}

export type CoverageTransferCompleted = Fact<
  'enrollment.CoverageTransferCompleted',
  Recorded & Notified & TransferClosed
>;

export type CoverageTransferRefused = Fact<
  'enrollment.CoverageTransferRefused',
  Recorded & Notified & TransferClosed & { readonly reason: string }
>;

/**
 * The person's key was deleted at their request: their sealed name, phone and address no longer
 * open, and readers show them as erased. It carries no personal field and sends no SMS.
 */
export type PersonErased = Fact<'enrollment.PersonErased', Recorded>;

export type InsuredPersonEvent =
  | ResidentEnrolled
  | ContributionAssessed
  | ContributionPaid
  | CoverageActivated
  | InsuredInformationChanged
  | EmployeeEnrolled
  | EmployeeLeft
  | OffsiteTreatmentFiled
  | ChronicQualificationApplied
  | ChronicQualificationApproved
  | ChronicQualificationRejected
  | CoverageTransferRequested
  | CoverageTransferCompleted
  | CoverageTransferRefused
  | PersonErased;

export type InsuredPersonEventType = InsuredPersonEvent['type'];

export const INSURED_PERSON_EVENT_TYPES: readonly InsuredPersonEventType[] = [
  'enrollment.ResidentEnrolled',
  'enrollment.ContributionAssessed',
  'enrollment.ContributionPaid',
  'enrollment.CoverageActivated',
  'enrollment.InsuredInformationChanged',
  'enrollment.EmployeeEnrolled',
  'enrollment.EmployeeLeft',
  'enrollment.OffsiteTreatmentFiled',
  'enrollment.ChronicQualificationApplied',
  'enrollment.ChronicQualificationApproved',
  'enrollment.ChronicQualificationRejected',
  'enrollment.CoverageTransferRequested',
  'enrollment.CoverageTransferCompleted',
  'enrollment.CoverageTransferRefused',
  'enrollment.PersonErased',
];

export function isInsuredPersonEvent(event: {
  readonly type: string;
}): event is InsuredPersonEvent {
  return (INSURED_PERSON_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Builds a fact with its schema version, so deciders name only type and data. */
export function fact<E extends InsuredPersonEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: 1, data } as E;
}
