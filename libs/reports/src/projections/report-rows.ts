import type { StoredEvent } from '@circle/event-store';
import { parseTicketId } from '../../../walkins/src/domain/ticket-id';
import { monthOf } from '../domain/report-month';

/** The events the monthly report counts, with the fields it reads of each. */
interface Settled {
  settlementId: string;
  stationId: string;
  at: string;
  source: string;
  policyVersion: string;
  bill: { setting: string; scheme: string };
  medfee_sumamt: number;
  hifp_pay: number;
  hifmi_pay: number;
  hifob_pay: number;
  maf_pay: number;
}

interface Assessed {
  residentId: string;
  year: number;
  region: string;
  individualFen: number;
  subsidyFen: number;
  waivedFen: number;
}

interface Recorded {
  residentId: string;
  year: number;
  stationId: string;
  at: string;
}

export const REPORT_EVENT_TYPES = [
  'settlement.BillSettled',
  'settlement.SettlementReversed',
  'enrollment.ContributionAssessed',
  'enrollment.ContributionPaid',
  'enrollment.CoverageActivated',
  'walkins.ServiceCompleted',
] as const;

/** A policy version id names its region first: `taibai-lake@2022#03a7cfb25e87`. */
const regionOf = (policyVersion: string) => policyVersion.split('@')[0] ?? policyVersion;

export function settlementRow(event: StoredEvent) {
  const d = event.data as Settled;
  return {
    settlement_id: d.settlementId,
    month: monthOf(d.at),
    station_id: d.stationId,
    region: regionOf(d.policyVersion),
    setting: d.bill.setting,
    scheme: d.bill.scheme,
    source: d.source,
    total_fen: d.medfee_sumamt,
    fund_fen: d.hifp_pay + d.hifmi_pay + d.hifob_pay,
    assistance_fen: d.maf_pay,
  };
}

export function reversalRow(event: StoredEvent) {
  const d = event.data as { settlementId: string; at: string };
  return { settlement_id: d.settlementId, reversed_month: monthOf(d.at) };
}

export const yearKey = (d: { residentId: string; year: number }) => `${d.residentId}:${d.year}`;

/** The year's assessment; a later one for the same year (a changed category) replaces it. */
export function assessmentRow(event: StoredEvent) {
  const d = event.data as Assessed;
  return {
    person_year: yearKey(d),
    region: d.region,
    individual_fen: d.individualFen,
    subsidy_fen: d.subsidyFen,
    waived_fen: d.waivedFen,
  };
}

export function paymentRow(event: StoredEvent) {
  const d = event.data as Recorded & { amountFen: number };
  return {
    entry_id: event.eventId,
    kind: 'payment',
    person_year: yearKey(d),
    month: monthOf(d.at),
    station_id: d.stationId,
    amount_fen: d.amountFen,
  };
}

/** A year of cover begun: its subsidy and waiver come from the year's assessment. */
export function activationRow(event: StoredEvent) {
  const d = event.data as Recorded;
  return {
    entry_id: `coverage:${yearKey(d)}`,
    kind: 'coverage',
    person_year: yearKey(d),
    month: monthOf(d.at),
    station_id: d.stationId,
    amount_fen: 0,
  };
}

/** A completed service at a station; the ticket id names the station. */
export function serviceRow(event: StoredEvent) {
  const d = event.data as { ticketId: string; business: string; outcome: string; at: string };
  return {
    ticket_id: d.ticketId,
    month: monthOf(d.at),
    station_id: parseTicketId(d.ticketId).stationId,
    business: d.business,
    outcome: d.outcome,
  };
}
