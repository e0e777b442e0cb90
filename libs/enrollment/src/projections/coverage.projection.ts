import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';
import { CoverageChunk } from './coverage-chunk';

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
];

// Every statement is an insert that keeps the first row or an update to the values the events
// carry, so applying a chunk twice leaves the same rows as applying it once.
async function applyInOrder(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void> {
  const chunk = new CoverageChunk(tx);
  for (const event of events) {
    const fact = { type: event.type, data: event.data };
    if (isInsuredPersonEvent(fact)) await chunk.add(fact);
  }
  await chunk.flush();
}

/** Coverage per resident and year, employment and filings: the supervisor's coverage enquiry. */
export function coverageProjection(topics: readonly string[] = ['circle.enrollment']): Projection {
  return {
    name: ENROLLMENT_COVERAGE_PROJECTION,
    topics,
    tables: ['enrollment_coverage', 'enrollment_employment', 'enrollment_filing'],
    handles: (type) => (HANDLED as readonly string[]).includes(type),
    apply: (event, tx) => applyInOrder([event], tx),
    applyBatch: applyInOrder,
  };
}
