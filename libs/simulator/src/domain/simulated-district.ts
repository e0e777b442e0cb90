import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

export type StationApp = 'hall' | 'township' | 'hospital';

export interface SimulatedStation {
  readonly stationId: string;
  readonly app: StationApp;
  readonly kind: 'hall' | 'township' | 'village' | 'hospital';
  /** The counters the demo seed gives it, `1` … `counters`. */
  readonly counters: number;
  readonly tier?: 1 | 2 | 3;
  /** ISO weekdays it opens: hospital stations open every day (stations' opening hours). */
  readonly weekdays: readonly number[];
}

const WEEK = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** Taibai Lake New District as the demo seed makes it (CONTRACT: the demo district). */
export const DEMO_STATIONS: readonly SimulatedStation[] = [
  { stationId: 'hall', app: 'hall', kind: 'hall', counters: 6, weekdays: WEEK },
  { stationId: 'town-1', app: 'township', kind: 'township', counters: 3, weekdays: WEEK },
  { stationId: 'town-2', app: 'township', kind: 'township', counters: 3, weekdays: WEEK },
  {
    stationId: 'hosp-1',
    app: 'hospital',
    kind: 'hospital',
    counters: 2,
    tier: 3,
    weekdays: EVERY_DAY,
  },
  {
    stationId: 'hosp-2',
    app: 'hospital',
    kind: 'hospital',
    counters: 2,
    tier: 2,
    weekdays: EVERY_DAY,
  },
  {
    stationId: 'hosp-3',
    app: 'hospital',
    kind: 'hospital',
    counters: 2,
    tier: 1,
    weekdays: EVERY_DAY,
  },
  ...[1, 2, 3, 4].map((n): SimulatedStation => ({
    stationId: `village-${n}`,
    app: 'township',
    kind: 'village',
    counters: 1,
    weekdays: WEEK,
  })),
];

/** What a visit is for: a business item, and for a bill its setting. */
export type VisitPurpose =
  | { readonly business: Exclude<BusinessCode, 'DISCHARGE_SETTLEMENT' | 'OUTPATIENT_SETTLEMENT'> }
  | { readonly business: 'DISCHARGE_SETTLEMENT'; readonly setting: 'inpatient' }
  | {
      readonly business: 'OUTPATIENT_SETTLEMENT';
      readonly setting: 'chronic-outpatient' | 'outpatient';
    }
  | { readonly business: 'MANUAL_REIMBURSEMENT'; readonly setting: 'inpatient' };

/** Which station takes which share of an item's visits: the hall most, villages least. */
const FRONT_LINE = {
  hall: 0.3,
  'town-1': 0.2,
  'town-2': 0.2,
  'village-1': 0.075,
  'village-2': 0.075,
  'village-3': 0.075,
  'village-4': 0.075,
};
const HALL_AND_TOWNS = { hall: 0.5, 'town-1': 0.25, 'town-2': 0.25 };
const HALL_ONLY = { hall: 1 };
/** Tertiary hospitals take the bigger admissions share, primary ones more of the outpatients. */
const ADMISSIONS = { 'hosp-1': 0.45, 'hosp-2': 0.35, 'hosp-3': 0.2 };
const OUTPATIENTS = { 'hosp-1': 0.3, 'hosp-2': 0.35, 'hosp-3': 0.35 };

export const STATION_SHARES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  ENROLL_RESIDENT: FRONT_LINE,
  COVERAGE_ENQUIRY: FRONT_LINE,
  CHANGE_INFO: HALL_AND_TOWNS,
  OFFSITE_FILING: HALL_AND_TOWNS,
  TRANSFER: HALL_ONLY,
  ASSISTANCE_REIMBURSEMENT: HALL_ONLY,
  MANUAL_REIMBURSEMENT: HALL_ONLY,
  DISCHARGE_SETTLEMENT: ADMISSIONS,
  OUTPATIENT_SETTLEMENT: OUTPATIENTS,
};

export function stationNamed(stationId: string): SimulatedStation {
  const station = DEMO_STATIONS.find((s) => s.stationId === stationId);
  if (!station) throw new Error(`no station ${stationId} in the demo district`);
  return station;
}
