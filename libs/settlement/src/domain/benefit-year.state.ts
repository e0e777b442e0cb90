import { emptyBenefitYearTotals, type BenefitYearTotals } from './benefit-year-totals';
import type { BenefitYearEvent, BillSettled } from './benefit-year.events';
import type { Bill, PersonStanding } from './bill';
import type { NationalSettlementFields } from './settlement-breakdown';

export type SettlementStatus = 'settled' | 'reversed';

/**
 * A settlement's figures as a later command needs them (a reversal's notice, a claim settled
 * by it). Its lines stay in its event: they are most of its size, and a year is kept in
 * memory between commands.
 */
export interface SettledFigures extends NationalSettlementFields {
  readonly policyVersion: string;
}

/** One settlement of the year as the stream knows it: enough to reverse it. */
export interface SettlementOnRecord {
  readonly settlementId: string;
  readonly admissionId: string;
  readonly status: SettlementStatus;
  readonly bill: Bill;
  readonly standing: PersonStanding;
  /** What it added to the year; a reversal gives back exactly this. */
  readonly usage: BenefitYearTotals;
  readonly figures: SettledFigures;
}

/** One person's benefit year: the totals every cap is measured against, and its settlements. */
export interface BenefitYearState {
  /** Known once the first settlement is recorded. */
  readonly residentId: string | null;
  readonly year: number | null;
  readonly totals: BenefitYearTotals;
  /** By settlement id, in the order they were settled. */
  readonly settlements: Readonly<Record<string, SettlementOnRecord>>;
}

export function initialBenefitYearState(): BenefitYearState {
  return { residentId: null, year: null, totals: emptyBenefitYearTotals(), settlements: {} };
}

export function evolveBenefitYear(
  state: BenefitYearState,
  event: BenefitYearEvent,
): BenefitYearState {
  switch (event.type) {
    case 'settlement.BillSettled': {
      const d = event.data;
      const record: SettlementOnRecord = {
        settlementId: d.settlementId,
        admissionId: d.admissionId,
        status: 'settled',
        bill: d.bill,
        standing: d.standing,
        usage: d.usage,
        figures: figuresOf(d),
      };
      return {
        residentId: d.residentId,
        year: d.year,
        totals: d.totalsAfter,
        settlements: { ...state.settlements, [d.settlementId]: record },
      };
    }
    case 'settlement.SettlementReversed': {
      const d = event.data;
      const record = state.settlements[d.settlementId];
      if (!record) return { ...state, totals: d.totalsAfter };
      return {
        ...state,
        totals: d.totalsAfter,
        settlements: { ...state.settlements, [d.settlementId]: { ...record, status: 'reversed' } },
      };
    }
  }
}

function figuresOf(d: BillSettled['data']): SettledFigures {
  return {
    medfee_sumamt: d.medfee_sumamt,
    inscp_scp_amt: d.inscp_scp_amt,
    act_pay_dedc: d.act_pay_dedc,
    hifp_pay: d.hifp_pay,
    hifmi_pay: d.hifmi_pay,
    hifob_pay: d.hifob_pay,
    maf_pay: d.maf_pay,
    psn_cash_pay: d.psn_cash_pay,
    policyVersion: d.policyVersion,
  };
}

/** The settlement of an admission that still stands, if any. */
export function standingSettlementOf(
  state: BenefitYearState,
  admissionId: string,
): SettlementOnRecord | undefined {
  return Object.values(state.settlements).find(
    (s) => s.admissionId === admissionId && s.status === 'settled',
  );
}
