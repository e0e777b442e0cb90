import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { isBenefitYearEvent, type BenefitYearEvent, type BillSettled } from '../domain';

export const SETTLEMENT_PROJECTION = 'settlement_benefit_year';

// Rows go to PostgreSQL as one JSON array per statement, whatever the number of events: at
// a thousand settlements a second, a statement per event was most of the supervisor's work.
const RECORD_COLUMNS = `settlement_id text, resident_id text, year int, admission_id text,
  station_id text, source text, claim_id text, setting text, tier int, scheme text,
  policy_version text, medfee_sumamt bigint, inscp_scp_amt bigint, act_pay_dedc bigint,
  hifp_pay bigint, hifmi_pay bigint, hifob_pay bigint, maf_pay bigint, psn_cash_pay bigint,
  settled_at timestamptz, treated_on date`;

const YEAR_COLUMNS = `resident_id text, year int, deductibles_fen bigint, basic_fund_fen bigint,
  critical_illness_fen bigint, large_expense_fen bigint, assistance_fen bigint,
  specific_drug_fen bigint, outpatient_fen bigint, in_scope_personal_burden_fen bigint,
  admissions int, totals jsonb, updated_at timestamptz`;

/** `a text, b int` → `a, b`: the insert's column list, in the record's order. */
const names = (columns: string) =>
  columns
    .split(',')
    .map((column) => column.trim().split(/\s+/)[0])
    .join(', ');

function recordRow({ data: d }: BillSettled) {
  return {
    settlement_id: d.settlementId,
    resident_id: d.residentId,
    year: d.year,
    admission_id: d.admissionId,
    station_id: d.stationId,
    source: d.source,
    claim_id: d.claimId,
    setting: d.bill.setting,
    tier: d.bill.tier,
    scheme: d.bill.scheme,
    policy_version: d.policyVersion,
    medfee_sumamt: d.medfee_sumamt,
    inscp_scp_amt: d.inscp_scp_amt,
    act_pay_dedc: d.act_pay_dedc,
    hifp_pay: d.hifp_pay,
    hifmi_pay: d.hifmi_pay,
    hifob_pay: d.hifob_pay,
    maf_pay: d.maf_pay,
    psn_cash_pay: d.psn_cash_pay,
    settled_at: d.at,
    treated_on: d.bill.date,
  };
}

function yearRow({ data: d }: BenefitYearEvent) {
  const t = d.totalsAfter;
  return {
    resident_id: d.residentId,
    year: d.year,
    deductibles_fen: t.deductiblesFen,
    basic_fund_fen: t.basicFundFen,
    critical_illness_fen: t.criticalIllnessFen,
    large_expense_fen: t.largeExpenseFen,
    assistance_fen: t.assistanceFen,
    specific_drug_fen: t.specificDrugFen,
    outpatient_fen: t.outpatientFen,
    in_scope_personal_burden_fen: t.inScopePersonalBurdenFen,
    admissions: t.admissions,
    totals: t,
    updated_at: d.at,
  };
}

/**
 * Events in the order of their streams, with the effect of applying each in turn: every event
 * writes the values it carries (the year's totals after it), so a person's year takes those of
 * its last event, and a settlement is inserted before a reversal of it in the same chunk
 * updates it. A repeat leaves the rows as they were.
 */
async function applyInOrder(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void> {
  const ours = events.flatMap((e) => (isBenefitYearEvent(e) ? [e] : []));
  const settled = ours.flatMap((e) => (e.type === 'settlement.BillSettled' ? [recordRow(e)] : []));
  const reversed = ours.flatMap((e) =>
    e.type === 'settlement.SettlementReversed'
      ? [{ settlement_id: e.data.settlementId, reversed_at: e.data.at, reason: e.data.reason }]
      : [],
  );
  const years = new Map(ours.map((e) => [`${e.data.residentId}:${e.data.year}`, yearRow(e)]));
  if (settled.length)
    await tx.query(
      `INSERT INTO ${tx.table('settlement_record')} (${names(RECORD_COLUMNS)})
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})
       ON CONFLICT (settlement_id) DO NOTHING`,
      [JSON.stringify(settled)],
    );
  if (reversed.length)
    await tx.query(
      `UPDATE ${tx.table('settlement_record')} AS s
       SET reversed_at = r.reversed_at, reversal_reason = r.reason
       FROM jsonb_to_recordset($1::jsonb) AS r(settlement_id text, reversed_at timestamptz, reason text)
       WHERE s.settlement_id = r.settlement_id`,
      [JSON.stringify(reversed)],
    );
  if (years.size)
    await tx.query(
      `INSERT INTO ${tx.table('settlement_benefit_year')} (${names(YEAR_COLUMNS)})
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${YEAR_COLUMNS})
       ON CONFLICT (resident_id, year) DO UPDATE SET deductibles_fen = excluded.deductibles_fen,
         basic_fund_fen = excluded.basic_fund_fen,
         critical_illness_fen = excluded.critical_illness_fen,
         large_expense_fen = excluded.large_expense_fen, assistance_fen = excluded.assistance_fen,
         specific_drug_fen = excluded.specific_drug_fen, outpatient_fen = excluded.outpatient_fen,
         in_scope_personal_burden_fen = excluded.in_scope_personal_burden_fen,
         admissions = excluded.admissions, totals = excluded.totals,
         updated_at = excluded.updated_at`,
      [JSON.stringify([...years.values()])],
    );
}

/** Each person's benefit year and every settlement with its national fields, for supervisors. */
export const benefitYearProjection = (): Projection => ({
  name: SETTLEMENT_PROJECTION,
  topics: ['circle.settlement'],
  tables: ['settlement_benefit_year', 'settlement_record'],
  handles: (type) => type === 'settlement.BillSettled' || type === 'settlement.SettlementReversed',
  apply: (event, tx) => applyInOrder([event], tx),
  applyBatch: applyInOrder,
});
