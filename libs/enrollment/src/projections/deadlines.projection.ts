import type { Projection, ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent, type InsuredPersonEvent } from '../domain';

export const ENROLLMENT_DEADLINES_PROJECTION = 'enrollment_deadlines';

type Data<T extends InsuredPersonEvent['type']> = Extract<InsuredPersonEvent, { type: T }>['data'];

const APPLY: Partial<{
  [T in InsuredPersonEvent['type']]: (tx: ProjectionTx, d: Data<T>) => Promise<unknown>;
}> = {
  'enrollment.ChronicQualificationApplied': (tx, d) =>
    tx.query(
      `INSERT INTO ${tx.table('enrollment_qualification')} (qualification_id, resident_id,
         masked_name, disease, disease_name, year, region, station_id, applied_at, deadline, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending')
       ON CONFLICT (qualification_id) DO NOTHING`,
      [
        d.qualificationId,
        d.residentId,
        d.notice.maskedName,
        d.disease,
        d.diseaseName,
        d.year,
        d.region,
        d.stationId,
        d.at,
        d.deadline,
      ],
    ),
  'enrollment.ChronicQualificationApproved': (tx, d) => decided(tx, 'approved', d),
  'enrollment.ChronicQualificationRejected': (tx, d) => decided(tx, 'rejected', d),
  'enrollment.CoverageTransferRequested': (tx, d) =>
    tx.query(
      `INSERT INTO ${tx.table('enrollment_transfer')} (transfer_id, resident_id, masked_name,
         direction, from_region, to_region, station_id, requested_at, deadline, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending') ON CONFLICT (transfer_id) DO NOTHING`,
      [
        d.transferId,
        d.residentId,
        d.notice.maskedName,
        d.direction,
        d.fromRegion,
        d.toRegion,
        d.stationId,
        d.at,
        d.deadline,
      ],
    ),
  'enrollment.CoverageTransferCompleted': (tx, d) => closed(tx, 'completed', d, null),
  'enrollment.CoverageTransferRefused': (tx, d) => closed(tx, 'refused', d, d.reason),
};

function decided(
  tx: ProjectionTx,
  status: string,
  d: Data<'enrollment.ChronicQualificationApproved'>,
): Promise<unknown> {
  return tx.query(
    `UPDATE ${tx.table('enrollment_qualification')}
     SET status = $2, decided_at = $3, within_deadline = $4, reason = $5
     WHERE qualification_id = $1`,
    [d.qualificationId, status, d.at, d.withinDeadline, d.reason],
  );
}

function closed(
  tx: ProjectionTx,
  status: string,
  d: Data<'enrollment.CoverageTransferCompleted'>,
  reason: string | null,
): Promise<unknown> {
  return tx.query(
    `UPDATE ${tx.table('enrollment_transfer')}
     SET status = $2, closed_at = $3, within_deadline = $4, reason = $5 WHERE transfer_id = $1`,
    [d.transferId, status, d.at, d.withinDeadline, reason],
  );
}

/** The business items on a clock (chronic qualification, transfer), for the supervisor's lists. */
export function deadlinesProjection(topics: readonly string[] = ['circle.enrollment']): Projection {
  return {
    name: ENROLLMENT_DEADLINES_PROJECTION,
    topics,
    tables: ['enrollment_qualification', 'enrollment_transfer'],
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
