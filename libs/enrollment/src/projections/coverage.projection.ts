import type { Projection, ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';

export const ENROLLMENT_COVERAGE_PROJECTION = 'enrollment_coverage';

type Data<T extends InsuredPersonEvent['type']> = Extract<InsuredPersonEvent, { type: T }>['data'];

// Every statement is an upsert or a plain update to the values the event carries, so applying
// an event twice leaves the same rows as applying it once.
const APPLY: Partial<{
  [T in InsuredPersonEvent['type']]: (tx: ProjectionTx, d: Data<T>) => Promise<unknown>;
}> = {
  'enrollment.ResidentEnrolled': (tx, d) =>
    tx.query(
      `INSERT INTO ${tx.table('enrollment_coverage')} (resident_id, year, masked_name, region,
         category, policy_version, station_id, enrolled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (resident_id, year) DO NOTHING`,
      [
        d.residentId,
        d.year,
        d.notice.maskedName,
        d.region,
        d.category,
        d.policyVersion,
        d.stationId,
        d.at,
      ],
    ),
  'enrollment.ContributionAssessed': (tx, d) =>
    tx.query(
      `UPDATE ${tx.table('enrollment_coverage')} SET individual_fen = $3, subsidy_fen = $4,
         payable_fen = $5, waived_fen = $6 WHERE resident_id = $1 AND year = $2`,
      [d.residentId, d.year, d.individualFen, d.subsidyFen, d.payableFen, d.waivedFen],
    ),
  'enrollment.ContributionPaid': (tx, d) =>
    tx.query(
      `UPDATE ${tx.table('enrollment_coverage')} SET paid_fen = greatest(paid_fen, $3)
       WHERE resident_id = $1 AND year = $2`,
      [d.residentId, d.year, d.paidFen],
    ),
  'enrollment.CoverageActivated': (tx, d) =>
    tx.query(
      `UPDATE ${tx.table('enrollment_coverage')} SET active = true WHERE resident_id = $1 AND year = $2`,
      [d.residentId, d.year],
    ),
  // A year keeps the category it was assessed under; only the name shown follows a change.
  'enrollment.InsuredInformationChanged': (tx, d) =>
    tx.query(
      `UPDATE ${tx.table('enrollment_coverage')} SET masked_name = $2 WHERE resident_id = $1`,
      [d.residentId, d.notice.maskedName],
    ),
  'enrollment.EmployeeEnrolled': (tx, d) =>
    tx.query(
      `INSERT INTO ${tx.table('enrollment_employment')} (resident_id, credit_code, joined_on,
         masked_name, employer_name, region)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [d.residentId, d.creditCode, d.joinedOn, d.notice.maskedName, d.employerName, d.region],
    ),
  'enrollment.EmployeeLeft': (tx, d) =>
    tx.query(
      `UPDATE ${tx.table('enrollment_employment')} SET left_on = $3
       WHERE resident_id = $1 AND credit_code = $2 AND (left_on IS NULL OR left_on = $3)`,
      [d.residentId, d.creditCode, d.leftOn],
    ),
  'enrollment.OffsiteTreatmentFiled': (tx, d) =>
    tx.query(
      `INSERT INTO ${tx.table('enrollment_filing')} (filing_id, resident_id, filing_type,
         destination_region, destination_hospital, valid_from, valid_to, station_id, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (filing_id) DO NOTHING`,
      [
        d.filingId,
        d.residentId,
        d.filingType,
        d.destinationRegion,
        d.destinationHospital,
        d.validFrom,
        d.validTo,
        d.stationId,
        d.at,
      ],
    ),
};

/** Coverage per resident and year, employment and filings: the supervisor's coverage enquiry. */
export function coverageProjection(topics: readonly string[] = ['circle.enrollment']): Projection {
  return {
    name: ENROLLMENT_COVERAGE_PROJECTION,
    topics,
    tables: ['enrollment_coverage', 'enrollment_employment', 'enrollment_filing'],
    handles: (type) => type in APPLY,
    async apply(event, tx) {
      const fact = { type: event.type, data: event.data };
      if (!isInsuredPersonEvent(fact)) return;
      const apply = APPLY[fact.type] as
        ((tx: ProjectionTx, d: typeof fact.data) => Promise<unknown>) | undefined;
      await apply?.(tx, fact.data);
    },
  };
}
