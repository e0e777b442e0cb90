import type { Projection } from '@circle/projections';
import { loadPersonalDataMasterKey } from '@circle/platform';
import type { InsuredPersonEvent } from '../domain';
import { CoverageChunk } from './coverage-chunk';
import { applyOpenedChunk } from './opened-events';

export const ENROLLMENT_COVERAGE_PROJECTION = 'enrollment_coverage';

const HANDLED: readonly InsuredPersonEvent['type'][] = [
  'enrollment.ResidentEnrolled',
  'enrollment.ContributionAssessed',
  'enrollment.ContributionPaid',
  'enrollment.CoverageActivated',
  'enrollment.InsuredInformationChanged',
  'enrollment.EmployeeEnrolled',
  'enrollment.EmployeeLeft',
  'enrollment.OffsiteTreatmentFiled',
  'enrollment.PersonErased',
];

/** Coverage per resident and year, employment and filings: the supervisor's coverage enquiry. */
export function coverageProjection(
  topics: readonly string[] = ['circle.enrollment'],
  masterKey: Buffer = loadPersonalDataMasterKey(process.env),
): Projection {
  return {
    name: ENROLLMENT_COVERAGE_PROJECTION,
    topics,
    tables: ['enrollment_coverage', 'enrollment_employment', 'enrollment_filing'],
    handles: (type) => (HANDLED as readonly string[]).includes(type),
    // Every statement is an insert that keeps the first row or an update to the values the
    // events carry, so applying a chunk twice leaves the same rows as applying it once.
    apply: (event, tx) => applyOpenedChunk(new CoverageChunk(tx), [event], tx, masterKey),
    applyBatch: (events, tx) => applyOpenedChunk(new CoverageChunk(tx), events, tx, masterKey),
  };
}
