import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withMoneyAsNumbers } from './money-columns';

export interface OverdueItem {
  readonly kind: 'qualification' | 'transfer';
  readonly id: string;
  readonly residentId: string;
  readonly maskedName: string;
  readonly what: string;
  readonly stationId: string;
  readonly receivedAt: string;
  readonly deadline: string;
  readonly overdue: boolean;
  readonly minutesLeft: number;
}

export interface CoverageRows {
  readonly years: Record<string, unknown>[];
  readonly employments: Record<string, unknown>[];
  readonly filings: Record<string, unknown>[];
  readonly qualifications: Record<string, unknown>[];
  readonly transfers: Record<string, unknown>[];
}

const ITEM_COLUMNS = `resident_id AS "residentId", masked_name AS "maskedName",
  station_id AS "stationId", deadline, deadline < now() AS overdue,
  floor(extract(epoch FROM deadline - now()) / 60)::int AS "minutesLeft"`;

/** The enrollment read models as the supervisor reads them; the only SQL of the read side. */
@Injectable()
export class EnrollmentReadModel {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Pending items past their deadline or due within `withinMinutes`, the most urgent first. */
  async pendingNearDeadline(
    kind: 'qualification' | 'transfer',
    withinMinutes: number,
  ): Promise<OverdueItem[]> {
    const sql =
      kind === 'qualification'
        ? `SELECT 'qualification' AS kind, qualification_id AS id, disease AS what,
             applied_at AS "receivedAt", ${ITEM_COLUMNS}
           FROM enrollment_qualification`
        : `SELECT 'transfer' AS kind, transfer_id AS id,
             from_region || ' → ' || to_region AS what, requested_at AS "receivedAt", ${ITEM_COLUMNS}
           FROM enrollment_transfer`;
    const rows: (OverdueItem & { deadline: Date; receivedAt: Date })[] = await this.db.query(
      `${sql} WHERE status = 'pending' AND deadline < now() + make_interval(mins => $1)
       ORDER BY deadline`,
      [withinMinutes],
    );
    return rows.map((r) => ({
      ...r,
      deadline: r.deadline.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    }));
  }

  async coverageOf(residentId: string): Promise<CoverageRows> {
    const read = (sql: string) => this.db.query<Record<string, unknown>[]>(sql, [residentId]);
    const [years, employments, filings, qualifications, transfers] = await Promise.all([
      read(`SELECT year, masked_name AS "maskedName", region, category,
              policy_version AS "policyVersion", individual_fen AS "individualFen",
              subsidy_fen AS "subsidyFen", payable_fen AS "payableFen",
              waived_fen AS "waivedFen", paid_fen AS "paidFen", active AS paid,
              station_id AS "stationId", enrolled_at AS "enrolledAt"
            FROM enrollment_coverage WHERE resident_id = $1 ORDER BY year DESC`),
      read(`SELECT credit_code AS "creditCode", employer_name AS "employerName", region,
              to_char(joined_on, 'YYYY-MM-DD') AS "joinedOn", to_char(left_on, 'YYYY-MM-DD') AS "leftOn"
            FROM enrollment_employment WHERE resident_id = $1 ORDER BY joined_on`),
      read(`SELECT filing_id AS "filingId", filing_type AS "filingType",
              destination_region AS "destinationRegion", destination_hospital AS "destinationHospital",
              to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo",
              station_id AS "stationId", filed_at AS "filedAt"
            FROM enrollment_filing WHERE resident_id = $1 ORDER BY filed_at`),
      read(`SELECT qualification_id AS "qualificationId", disease, year, status, station_id AS "stationId",
              applied_at AS "appliedAt", deadline, decided_at AS "decidedAt",
              within_deadline AS "withinDeadline", reason
            FROM enrollment_qualification WHERE resident_id = $1 ORDER BY applied_at`),
      read(`SELECT transfer_id AS "transferId", direction, from_region AS "fromRegion",
              to_region AS "toRegion", status, requested_at AS "requestedAt", deadline
            FROM enrollment_transfer WHERE resident_id = $1 ORDER BY requested_at`),
    ]);
    return {
      years: years.map(withMoneyAsNumbers),
      employments,
      filings,
      qualifications,
      transfers,
    };
  }
}
