import type { Projection } from '@circle/projections';
import { loadPersonalDataMasterKey } from '@circle/platform';
import type { InsuredPersonEvent } from '../domain';
import { DeadlinesChunk } from './deadlines-chunk';
import { applyOpenedChunk } from './opened-events';

export const ENROLLMENT_DEADLINES_PROJECTION = 'enrollment_deadlines';

const HANDLED: readonly InsuredPersonEvent['type'][] = [
  'enrollment.ChronicQualificationApplied',
  'enrollment.ChronicQualificationApproved',
  'enrollment.ChronicQualificationRejected',
  'enrollment.CoverageTransferRequested',
  'enrollment.CoverageTransferCompleted',
  'enrollment.CoverageTransferRefused',
  'enrollment.PersonErased',
];

/** The business items on a clock (chronic qualification, transfer), for the supervisor's lists. */
export function deadlinesProjection(
  topics: readonly string[] = ['circle.enrollment'],
  masterKey: Buffer = loadPersonalDataMasterKey(process.env),
): Projection {
  return {
    name: ENROLLMENT_DEADLINES_PROJECTION,
    topics,
    tables: ['enrollment_qualification', 'enrollment_transfer'],
    handles: (type) => (HANDLED as readonly string[]).includes(type),
    apply: (event, tx) => applyOpenedChunk(new DeadlinesChunk(tx), [event], tx, masterKey),
    applyBatch: (events, tx) => applyOpenedChunk(new DeadlinesChunk(tx), events, tx, masterKey),
  };
}
