import type { BenefitYearTotals } from '../domain';

export interface SettlementSummary {
  readonly settlementId: string;
  readonly admissionId: string;
  readonly stationId: string;
  readonly setting: string;
  readonly date: string;
  readonly medfee_sumamt: number;
  readonly fundFen: number;
  readonly psn_cash_pay: number;
  readonly status: 'settled' | 'reversed';
}

/** One person's benefit year: what each fund has paid so far and every settlement in it. */
export interface BenefitYearView {
  readonly residentId: string;
  readonly year: number;
  readonly totals: BenefitYearTotals;
  readonly settlements: readonly SettlementSummary[];
}
