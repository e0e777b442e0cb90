import type { Setting } from '../../../settlement/src/domain';

/** The settings seed 000 reports, in its order; specific drugs come last as their own line. */
export const REPORT_SETTINGS: readonly Setting[] = [
  'inpatient',
  'chronic-outpatient',
  'outpatient',
  'specific-drug',
];

export interface TreatmentFigures {
  readonly setting: Setting;
  /** Settlements made this month that still stand. */
  readonly treatments: number;
  readonly totalFen: number;
  /** Basic pooled fund, critical-illness insurance and the employee large-expense subsidy. */
  readonly fundFen: number;
  /** Of them, the treatments medical assistance paid for, and what it paid. */
  readonly assistedTreatments: number;
  readonly assistanceFen: number;
}

export interface ContributionFigures {
  readonly payments: number;
  /** What residents paid themselves. */
  readonly paidFen: number;
  /** People whose year of cover began this month, and the public money that came with them. */
  readonly coverageActivated: number;
  readonly subsidyFen: number;
  /** The individual share the government paid for the groups it pays for, and for how many. */
  readonly waivedPeople: number;
  readonly waivedFen: number;
}

export interface StationBusiness {
  readonly stationId: string;
  readonly served: number;
  readonly businesses: readonly { readonly business: string; readonly served: number }[];
}

/** A month in the shape of seed 000's press release, computed from the log. */
export interface MonthlyReport {
  readonly month: string;
  /** The insured person's region, or null for every region settled or enrolled here. */
  readonly region: string | null;
  readonly treatments: readonly TreatmentFigures[];
  /** Settlements reversed during this month, whatever month they were made in. */
  readonly reversals: { readonly count: number; readonly fundFen: number };
  readonly contributions: ContributionFigures;
  readonly stations: readonly StationBusiness[];
}

/** Every setting has a line, with zeros when nothing was settled in it. */
export function treatmentLines(found: readonly TreatmentFigures[]): TreatmentFigures[] {
  return REPORT_SETTINGS.map(
    (setting) =>
      found.find((f) => f.setting === setting) ?? {
        setting,
        treatments: 0,
        totalFen: 0,
        fundFen: 0,
        assistedTreatments: 0,
        assistanceFen: 0,
      },
  );
}

/** Per-station rows (station, business, served) as one entry per station, busiest first. */
export function stationLines(
  rows: readonly { stationId: string; business: string; served: number }[],
): StationBusiness[] {
  const byStation = new Map<string, { business: string; served: number }[]>();
  for (const row of rows)
    byStation.set(row.stationId, [
      ...(byStation.get(row.stationId) ?? []),
      { business: row.business, served: row.served },
    ]);
  return [...byStation.entries()]
    .map(([stationId, businesses]) => ({
      stationId,
      served: businesses.reduce((sum, b) => sum + b.served, 0),
      businesses: [...businesses].sort(
        (a, b) => b.served - a.served || a.business.localeCompare(b.business),
      ),
    }))
    .sort((a, b) => b.served - a.served || a.stationId.localeCompare(b.stationId));
}
