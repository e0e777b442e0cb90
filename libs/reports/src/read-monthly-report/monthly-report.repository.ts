import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ContributionFigures,
  MonthlyReport,
  TreatmentFigures,
  stationLines,
  treatmentLines,
} from '../domain/monthly-report';

type Row = Record<string, string | number | null>;

/**
 * A bigint sum as a number. The pg driver hands bigint over as text, since it may pass 2^53; a
 * sum that did would lose fen silently as a number, so it is refused instead.
 */
function whole(value: string | number | null | undefined, column: string): number {
  const n = value === null || value === undefined ? 0 : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${column} sums to ${value}, past 2^53`);
  return n;
}

// `$2::text IS NULL` keeps one statement for "every region" and "this region".
const SETTLEMENTS = `
  SELECT setting, count(*) AS treatments, sum(total_fen) AS total_fen, sum(fund_fen) AS fund_fen,
         count(*) FILTER (WHERE assistance_fen > 0) AS assisted, sum(assistance_fen) AS assistance_fen
  FROM report_settlement
  WHERE month = $1 AND reversed_month IS NULL AND ($2::text IS NULL OR region = $2)
  GROUP BY setting`;

const REVERSALS = `
  SELECT count(*) AS count, sum(fund_fen) AS fund_fen FROM report_settlement
  WHERE reversed_month = $1 AND ($2::text IS NULL OR region = $2)`;

// A year of cover's subsidy and waiver are its assessment's; payments count as paid.
const CONTRIBUTIONS = `
  SELECT count(*) FILTER (WHERE c.kind = 'payment') AS payments,
         sum(c.amount_fen) FILTER (WHERE c.kind = 'payment') AS paid_fen,
         count(*) FILTER (WHERE c.kind = 'coverage') AS activated,
         sum(a.subsidy_fen) FILTER (WHERE c.kind = 'coverage') AS subsidy_fen,
         count(*) FILTER (WHERE c.kind = 'coverage' AND a.waived_fen > 0) AS waived_people,
         sum(a.waived_fen) FILTER (WHERE c.kind = 'coverage') AS waived_fen
  FROM report_contribution c LEFT JOIN report_assessment a ON a.person_year = c.person_year
  WHERE c.month = $1 AND ($2::text IS NULL OR a.region = $2)`;

// Services are counted where they were given, whoever's region the resident is insured in.
const SERVICES = `
  SELECT station_id, business, count(*) AS served FROM report_service
  WHERE month = $1 GROUP BY station_id, business`;

/** The one place the monthly report's tables are read. */
@Injectable()
export class MonthlyReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async month(month: string, region: string | null): Promise<MonthlyReport> {
    const params = [month, region];
    const [settlements, [reversals], [contributions], services] = await Promise.all([
      this.db.query<Row[]>(SETTLEMENTS, params),
      this.db.query<Row[]>(REVERSALS, params),
      this.db.query<Row[]>(CONTRIBUTIONS, params),
      this.db.query<Row[]>(SERVICES, [month]),
    ]);
    return {
      month,
      region,
      treatments: treatmentLines(settlements.map(treatmentOf)),
      reversals: {
        count: whole(reversals?.count, 'reversals'),
        fundFen: whole(reversals?.fund_fen, 'reversed fund_fen'),
      },
      contributions: contributionsOf(contributions ?? {}),
      stations: stationLines(
        services.map((r) => ({
          stationId: String(r.station_id),
          business: String(r.business),
          served: whole(r.served, 'served'),
        })),
      ),
    };
  }
}

function treatmentOf(r: Row): TreatmentFigures {
  return {
    setting: r.setting as TreatmentFigures['setting'],
    treatments: whole(r.treatments, 'treatments'),
    totalFen: whole(r.total_fen, 'total_fen'),
    fundFen: whole(r.fund_fen, 'fund_fen'),
    assistedTreatments: whole(r.assisted, 'assisted'),
    assistanceFen: whole(r.assistance_fen, 'assistance_fen'),
  };
}

function contributionsOf(r: Row): ContributionFigures {
  return {
    payments: whole(r.payments, 'payments'),
    paidFen: whole(r.paid_fen, 'paid_fen'),
    coverageActivated: whole(r.activated, 'activated'),
    subsidyFen: whole(r.subsidy_fen, 'subsidy_fen'),
    waivedPeople: whole(r.waived_people, 'waived_people'),
    waivedFen: whole(r.waived_fen, 'waived_fen'),
  };
}
