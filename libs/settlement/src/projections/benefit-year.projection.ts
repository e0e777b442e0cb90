import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { isBenefitYearEvent, type BenefitYearTotals } from '../domain';

export const SETTLEMENT_PROJECTION = 'settlement_benefit_year';

// Each statement writes the values the event carries (the year's totals after it), so a
// repeat leaves the rows as they were; the runner applies a stream's events in order.
function upsertYear(
  tx: ProjectionTx,
  d: { residentId: string; year: number; at: string; totalsAfter: BenefitYearTotals },
) {
  const t = d.totalsAfter;
  return tx.query(
    `INSERT INTO ${tx.table('settlement_benefit_year')} (resident_id, year, deductibles_fen,
       basic_fund_fen, critical_illness_fen, large_expense_fen, assistance_fen, specific_drug_fen,
       outpatient_fen, in_scope_personal_burden_fen, admissions, totals, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (resident_id, year) DO UPDATE SET deductibles_fen = $3, basic_fund_fen = $4,
       critical_illness_fen = $5, large_expense_fen = $6, assistance_fen = $7,
       specific_drug_fen = $8, outpatient_fen = $9, in_scope_personal_burden_fen = $10,
       admissions = $11, totals = $12, updated_at = $13`,
    [
      d.residentId,
      d.year,
      t.deductiblesFen,
      t.basicFundFen,
      t.criticalIllnessFen,
      t.largeExpenseFen,
      t.assistanceFen,
      t.specificDrugFen,
      t.outpatientFen,
      t.inScopePersonalBurdenFen,
      t.admissions,
      JSON.stringify(t),
      d.at,
    ],
  );
}

async function apply(event: StoredEvent, tx: ProjectionTx): Promise<void> {
  if (!isBenefitYearEvent(event)) return;
  if (event.type === 'settlement.BillSettled') {
    const d = event.data;
    await tx.query(
      `INSERT INTO ${tx.table('settlement_record')} (settlement_id, resident_id, year, admission_id,
         station_id, source, claim_id, setting, tier, scheme, policy_version, medfee_sumamt,
         inscp_scp_amt, act_pay_dedc, hifp_pay, hifmi_pay, hifob_pay, maf_pay, psn_cash_pay,
         settled_at, treated_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21)
       ON CONFLICT (settlement_id) DO NOTHING`,
      [
        d.settlementId,
        d.residentId,
        d.year,
        d.admissionId,
        d.stationId,
        d.source,
        d.claimId,
        d.bill.setting,
        d.bill.tier,
        d.bill.scheme,
        d.policyVersion,
        d.medfee_sumamt,
        d.inscp_scp_amt,
        d.act_pay_dedc,
        d.hifp_pay,
        d.hifmi_pay,
        d.hifob_pay,
        d.maf_pay,
        d.psn_cash_pay,
        d.at,
        d.bill.date,
      ],
    );
    await upsertYear(tx, d);
    return;
  }
  const d = event.data;
  await tx.query(
    `UPDATE ${tx.table('settlement_record')} SET reversed_at = $2, reversal_reason = $3
     WHERE settlement_id = $1`,
    [d.settlementId, d.at, d.reason],
  );
  await upsertYear(tx, d);
}

/** Each person's benefit year and every settlement with its national fields, for supervisors. */
export const benefitYearProjection = (): Projection => ({
  name: SETTLEMENT_PROJECTION,
  topics: ['circle.settlement'],
  tables: ['settlement_benefit_year', 'settlement_record'],
  handles: (type) => type === 'settlement.BillSettled' || type === 'settlement.SettlementReversed',
  apply,
});
