import type { Notice } from '../../../enrollment/src/domain/notice';
import type { BenefitYearTotals } from './benefit-year-totals';
import type { Bill, PersonStanding } from './bill';
import type { SettlementBreakdown } from './settlement-breakdown';

/** A past-tense fact of one benefit-year stream: type, schema version, plain data. */
interface Fact<Type extends string, Data> {
  readonly type: Type;
  readonly schemaVersion: 1;
  readonly data: Data;
}

/** Every fact names the settlement, the person's year, the station that recorded it and when. */
interface Recorded {
  readonly settlementId: string;
  readonly residentId: string;
  readonly year: number;
  /** The hospital's admission (or visit) number the bill belongs to. */
  readonly admissionId: string;
  readonly stationId: string;
  /** ISO 8601 instant with offset. */
  readonly at: string;
  /** What the SMS about this result needs. */
  readonly notice: Notice;
}

/** Settled at a hospital station at discharge, or at the hall from a reimbursement claim. */
export type SettlementSource = 'hospital' | 'claim';

export type BillSettled = Fact<
  'settlement.BillSettled',
  Recorded &
    SettlementBreakdown & {
      readonly source: SettlementSource;
      readonly claimId: string | null;
      readonly bill: Bill;
      readonly standing: PersonStanding;
    }
>;

export type SettlementReversed = Fact<
  'settlement.SettlementReversed',
  Recorded & {
    readonly reason: string;
    /** Exactly the usage of the settlement reversed, given back to the year. */
    readonly usage: BenefitYearTotals;
    readonly totalsAfter: BenefitYearTotals;
  }
>;

export type BenefitYearEvent = BillSettled | SettlementReversed;

export type BenefitYearEventType = BenefitYearEvent['type'];

export const BENEFIT_YEAR_EVENT_TYPES: readonly BenefitYearEventType[] = [
  'settlement.BillSettled',
  'settlement.SettlementReversed',
];

export function isBenefitYearEvent(event: { readonly type: string }): event is BenefitYearEvent {
  return (BENEFIT_YEAR_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Builds a fact with its schema version, so the decider names only type and data. */
export function benefitYearFact<E extends BenefitYearEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: 1, data } as E;
}

/** One stream per insured person and benefit year: every cap is counted inside it. */
export function benefitYearStreamId(residentId: string, year: number): string {
  return `benefit-year-${residentId}-${year}`;
}
