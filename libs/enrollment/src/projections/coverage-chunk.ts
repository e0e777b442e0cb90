import { insertRows, RowPatches, type ProjectionTx } from '@circle/projections';
import { ERASED, type InsuredPersonEvent } from '../domain';

type Data<T extends InsuredPersonEvent['type']> = Extract<InsuredPersonEvent, { type: T }>['data'];

const ENROLLED_COLUMNS = `resident_id text, year int, masked_name text, region text,
  category text, policy_version text, station_id text, enrolled_at timestamptz`;

const YEAR_COLUMNS = `individual_fen bigint, subsidy_fen bigint, payable_fen bigint,
  waived_fen bigint, paid_fen bigint, active boolean`;

const FILING_COLUMNS = `filing_id uuid, resident_id text, filing_type text,
  destination_region text, destination_hospital text, valid_from date, valid_to date,
  station_id text, filed_at timestamptz`;

function enrolledRow(d: Data<'enrollment.ResidentEnrolled'>) {
  return {
    resident_id: d.residentId,
    year: d.year,
    masked_name: d.notice.maskedName,
    region: d.region,
    category: d.category,
    policy_version: d.policyVersion,
    station_id: d.stationId,
    enrolled_at: d.at,
  };
}

function filingRow(d: Data<'enrollment.OffsiteTreatmentFiled'>) {
  return {
    filing_id: d.filingId,
    resident_id: d.residentId,
    filing_type: d.filingType,
    destination_region: d.destinationRegion,
    destination_hospital: d.destinationHospital,
    valid_from: d.validFrom,
    valid_to: d.validTo,
    station_id: d.stationId,
    filed_at: d.at,
  };
}

/**
 * A chunk of insured-person events in a few statements: the years enrolled, every change to a
 * year folded per person and year, the names shown, the filings. Employment changes are rare
 * and conditional, so they stay a statement each, in order. Inserts go first; an enrolment of a
 * person whose name or year the chunk already changes flushes what came before, so a year
 * enrolled after a name change keeps the name its own event carries.
 */
export class CoverageChunk {
  private readonly enrolled: ReturnType<typeof enrolledRow>[] = [];
  private readonly years = new RowPatches(
    'enrollment_coverage',
    'resident_id text, year int',
    YEAR_COLUMNS,
  );
  private readonly names = new RowPatches(
    'enrollment_coverage',
    'resident_id text',
    'masked_name text',
  );
  private readonly filings: ReturnType<typeof filingRow>[] = [];

  constructor(private readonly tx: ProjectionTx) {}

  async add(e: InsuredPersonEvent): Promise<void> {
    switch (e.type) {
      case 'enrollment.ResidentEnrolled': {
        const { residentId, year } = e.data;
        if (this.years.has([residentId, year]) || this.names.has([residentId])) await this.flush();
        this.enrolled.push(enrolledRow(e.data));
        return;
      }
      case 'enrollment.ContributionAssessed': {
        const d = e.data;
        return this.years.write([d.residentId, d.year], {
          individual_fen: d.individualFen,
          subsidy_fen: d.subsidyFen,
          payable_fen: d.payableFen,
          waived_fen: d.waivedFen,
        });
      }
      case 'enrollment.ContributionPaid':
        return this.years.write(
          [e.data.residentId, e.data.year],
          { paid_fen: e.data.paidFen },
          'raise',
        );
      case 'enrollment.CoverageActivated':
        return this.years.write([e.data.residentId, e.data.year], { active: true });
      // A year keeps the category it was assessed under; only the name shown follows a change.
      case 'enrollment.InsuredInformationChanged':
        return this.names.write([e.data.residentId], { masked_name: e.data.notice.maskedName });
      case 'enrollment.OffsiteTreatmentFiled':
        this.filings.push(filingRow(e.data));
        return;
      case 'enrollment.EmployeeEnrolled': {
        const d = e.data;
        await this.tx.query(
          `INSERT INTO ${this.tx.table('enrollment_employment')} (resident_id, credit_code,
             joined_on, masked_name, employer_name, region)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [d.residentId, d.creditCode, d.joinedOn, d.notice.maskedName, d.employerName, d.region],
        );
        return;
      }
      // The rows keep every figure; only the name shown goes.
      case 'enrollment.PersonErased':
        await this.tx.query(
          `UPDATE ${this.tx.table('enrollment_employment')} SET masked_name = $2
           WHERE resident_id = $1`,
          [e.data.residentId, ERASED],
        );
        return this.names.write([e.data.residentId], { masked_name: ERASED });
      case 'enrollment.EmployeeLeft':
        await this.tx.query(
          `UPDATE ${this.tx.table('enrollment_employment')} SET left_on = $3
           WHERE resident_id = $1 AND credit_code = $2 AND (left_on IS NULL OR left_on = $3)`,
          [e.data.residentId, e.data.creditCode, e.data.leftOn],
        );
        return;
    }
  }

  async flush(): Promise<void> {
    await insertRows(
      this.tx,
      'enrollment_coverage',
      ENROLLED_COLUMNS,
      this.enrolled.splice(0),
      'ON CONFLICT (resident_id, year) DO NOTHING',
    );
    await this.years.flush(this.tx);
    await this.names.flush(this.tx);
    await insertRows(
      this.tx,
      'enrollment_filing',
      FILING_COLUMNS,
      this.filings.splice(0),
      'ON CONFLICT (filing_id) DO NOTHING',
    );
  }
}
