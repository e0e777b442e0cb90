import type { ResidentCategory } from '../../../../policy/src/domain/resident-category';
import type { IsoDate } from '../calendar-date';
import type {
  ContactDetails,
  FilingType,
  InsuredPersonEvent,
  Sex,
  TransferDirection,
} from './insured-person.events';

export interface PersonRecord extends ContactDetails {
  readonly residentId: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly category: ResidentCategory;
  /** The region of the latest enrollment or employer. */
  readonly region: string;
}

/** One benefit year of the resident scheme: assessed at enrollment, active once paid. */
export interface ResidentYear {
  readonly year: number;
  readonly region: string;
  readonly category: ResidentCategory;
  readonly policyVersion: string;
  readonly enrolledAt: string;
  readonly individualFen: number;
  readonly subsidyFen: number;
  readonly payableFen: number;
  readonly waivedFen: number;
  readonly paidFen: number;
  readonly receipts: readonly string[];
  readonly active: boolean;
}

export interface Employment {
  readonly creditCode: string;
  readonly employerName: string;
  readonly region: string;
  readonly joinedOn: IsoDate;
  readonly leftOn: IsoDate | null;
}

export interface Filing {
  readonly filingId: string;
  readonly filingType: FilingType;
  readonly destinationRegion: string;
  readonly destinationHospital: string | null;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly filedAt: string;
  readonly stationId: string;
}

export type DecisionStatus = 'pending' | 'approved' | 'rejected';

export interface Qualification {
  readonly qualificationId: string;
  readonly disease: string;
  readonly diseaseName: string;
  readonly year: number;
  readonly region: string;
  readonly policyVersion: string;
  readonly appliedAt: string;
  readonly deadline: string;
  readonly stationId: string;
  readonly status: DecisionStatus;
  readonly decidedAt: string | null;
  readonly reason: string | null;
}

export interface Transfer {
  readonly transferId: string;
  readonly direction: TransferDirection;
  readonly fromRegion: string;
  readonly toRegion: string;
  readonly requestedAt: string;
  readonly deadline: string;
  readonly status: 'pending' | 'completed' | 'refused';
  readonly closedAt: string | null;
  readonly reason: string | null;
}

/** Everything one insured person's stream says; plain JSON so it can be snapshotted. */
export interface InsuredPersonState {
  readonly person: PersonRecord | null;
  readonly residentYears: readonly ResidentYear[];
  readonly employments: readonly Employment[];
  readonly filings: readonly Filing[];
  readonly qualifications: readonly Qualification[];
  readonly transfers: readonly Transfer[];
  /** Set by PersonErased: their name, phone and address are gone for good. */
  readonly erased?: boolean;
}

export const initialInsuredPersonState = (): InsuredPersonState => ({
  person: null,
  residentYears: [],
  employments: [],
  filings: [],
  qualifications: [],
  transfers: [],
});

export function residentYear(state: InsuredPersonState, year: number): ResidentYear | undefined {
  return state.residentYears.find((y) => y.year === year);
}

export function latestResidentYear(state: InsuredPersonState): ResidentYear | undefined {
  return state.residentYears.reduce<ResidentYear | undefined>(
    (latest, y) => (!latest || y.year > latest.year ? y : latest),
    undefined,
  );
}

export function currentEmployment(state: InsuredPersonState): Employment | undefined {
  return state.employments.find((e) => e.leftOn === null);
}

export type { InsuredPersonEvent };
