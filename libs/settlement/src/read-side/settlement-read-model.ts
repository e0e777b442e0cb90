import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BenefitYearTotals } from '../domain';
import type { SettlementSummary } from '../read-benefit-year/benefit-year-view';

/** The settlement read models as the supervisor reads them; the only SQL of the read side. */
@Injectable()
export class SettlementReadModel {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async benefitYear(
    residentId: string,
    year: number,
  ): Promise<{ totals: BenefitYearTotals; settlements: SettlementSummary[] } | null> {
    const years: { totals: BenefitYearTotals }[] = await this.db.query(
      'SELECT totals FROM settlement_benefit_year WHERE resident_id = $1 AND year = $2',
      [residentId, year],
    );
    if (!years[0]) return null;
    // bigint columns arrive as strings; sums of fen stay far below 2^53.
    const rows: Record<string, string | null>[] = await this.db.query(
      `SELECT settlement_id, admission_id, station_id, setting, treated_on::text AS date,
         medfee_sumamt, hifp_pay + hifmi_pay + hifob_pay + maf_pay AS fund_fen, psn_cash_pay,
         reversed_at
       FROM settlement_record WHERE resident_id = $1 AND year = $2 ORDER BY settled_at`,
      [residentId, year],
    );
    return {
      totals: years[0].totals,
      settlements: rows.map((r) => ({
        settlementId: String(r.settlement_id),
        admissionId: String(r.admission_id),
        stationId: String(r.station_id),
        setting: String(r.setting),
        date: String(r.date),
        medfee_sumamt: Number(r.medfee_sumamt),
        fundFen: Number(r.fund_fen),
        psn_cash_pay: Number(r.psn_cash_pay),
        status: r.reversed_at ? 'reversed' : 'settled',
      })),
    };
  }
}
