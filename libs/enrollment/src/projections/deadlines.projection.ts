import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';
import { DeadlinesChunk } from './deadlines-chunk';

export const ENROLLMENT_DEADLINES_PROJECTION = 'enrollment_deadlines';

const HANDLED: readonly InsuredPersonEvent['type'][] = [
  'enrollment.ChronicQualificationApplied',
  'enrollment.ChronicQualificationApproved',
  'enrollment.ChronicQualificationRejected',
  'enrollment.CoverageTransferRequested',
  'enrollment.CoverageTransferCompleted',
  'enrollment.CoverageTransferRefused',
];

async function applyInOrder(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void> {
  const chunk = new DeadlinesChunk(tx);
  for (const event of events) {
    const fact = { type: event.type, data: event.data };
    if (isInsuredPersonEvent(fact)) await chunk.add(fact);
  }
  await chunk.flush();
}

/** The business items on a clock (chronic qualification, transfer), for the supervisor's lists. */
export function deadlinesProjection(topics: readonly string[] = ['circle.enrollment']): Projection {
  return {
    name: ENROLLMENT_DEADLINES_PROJECTION,
    topics,
    tables: ['enrollment_qualification', 'enrollment_transfer'],
    handles: (type) => (HANDLED as readonly string[]).includes(type),
    apply: (event, tx) => applyInOrder([event], tx),
    applyBatch: applyInOrder,
  };
}
