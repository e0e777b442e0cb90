import { insertRows, RowPatches, type ProjectionTx } from '@circle/projections';
import { ERASED, type InsuredPersonEvent } from '../domain';

type Data<T extends InsuredPersonEvent['type']> = Extract<InsuredPersonEvent, { type: T }>['data'];

const QUALIFICATION_COLUMNS = `qualification_id uuid, resident_id text, masked_name text,
  disease text, disease_name text, year int, region text, station_id text,
  applied_at timestamptz, deadline timestamptz, status text`;

const TRANSFER_COLUMNS = `transfer_id uuid, resident_id text, masked_name text, direction text,
  from_region text, to_region text, station_id text, requested_at timestamptz,
  deadline timestamptz, status text`;

const DECIDED_COLUMNS = 'status text, decided_at timestamptz, within_deadline boolean, reason text';
const CLOSED_COLUMNS = 'status text, closed_at timestamptz, within_deadline boolean, reason text';

function qualificationRow(d: Data<'enrollment.ChronicQualificationApplied'>) {
  return {
    qualification_id: d.qualificationId,
    resident_id: d.residentId,
    masked_name: d.notice.maskedName,
    disease: d.disease,
    disease_name: d.diseaseName,
    year: d.year,
    region: d.region,
    station_id: d.stationId,
    applied_at: d.at,
    deadline: d.deadline,
    status: 'pending',
  };
}

function transferRow(d: Data<'enrollment.CoverageTransferRequested'>) {
  return {
    transfer_id: d.transferId,
    resident_id: d.residentId,
    masked_name: d.notice.maskedName,
    direction: d.direction,
    from_region: d.fromRegion,
    to_region: d.toRegion,
    station_id: d.stationId,
    requested_at: d.at,
    deadline: d.deadline,
    status: 'pending',
  };
}

/**
 * A chunk of the items on a clock in at most four statements: qualifications and transfers
 * opened, then their decisions folded per item. An item opened after a decision on it in the
 * same chunk (never in one stream) flushes what came before, as one by one.
 */
export class DeadlinesChunk {
  private readonly qualifications: ReturnType<typeof qualificationRow>[] = [];
  private readonly transfers: ReturnType<typeof transferRow>[] = [];
  private readonly decided = new RowPatches(
    'enrollment_qualification',
    'qualification_id uuid',
    DECIDED_COLUMNS,
  );
  private readonly closed = new RowPatches(
    'enrollment_transfer',
    'transfer_id uuid',
    CLOSED_COLUMNS,
  );

  constructor(private readonly tx: ProjectionTx) {}

  async add(e: InsuredPersonEvent): Promise<void> {
    switch (e.type) {
      case 'enrollment.ChronicQualificationApplied':
        if (this.decided.has([e.data.qualificationId])) await this.flush();
        this.qualifications.push(qualificationRow(e.data));
        return;
      case 'enrollment.ChronicQualificationApproved':
      case 'enrollment.ChronicQualificationRejected': {
        const d = e.data;
        const status =
          e.type === 'enrollment.ChronicQualificationApproved' ? 'approved' : 'rejected';
        return this.decided.write([d.qualificationId], {
          status,
          decided_at: d.at,
          within_deadline: d.withinDeadline,
          reason: d.reason,
        });
      }
      case 'enrollment.CoverageTransferRequested':
        if (this.closed.has([e.data.transferId])) await this.flush();
        this.transfers.push(transferRow(e.data));
        return;
      case 'enrollment.CoverageTransferCompleted':
      case 'enrollment.CoverageTransferRefused': {
        const d = e.data;
        const refused = e.type === 'enrollment.CoverageTransferRefused';
        return this.closed.write([d.transferId], {
          status: refused ? 'refused' : 'completed',
          closed_at: d.at,
          within_deadline: d.withinDeadline,
          reason: refused ? e.data.reason : null,
        });
      }
      case 'enrollment.PersonErased':
        await this.flush();
        for (const table of ['enrollment_qualification', 'enrollment_transfer'])
          await this.tx.query(
            `UPDATE ${this.tx.table(table)} SET masked_name = $2 WHERE resident_id = $1`,
            [e.data.residentId, ERASED],
          );
        return;
    }
  }

  async flush(): Promise<void> {
    const onConflict = (key: string) => `ON CONFLICT (${key}) DO NOTHING`;
    await insertRows(
      this.tx,
      'enrollment_qualification',
      QUALIFICATION_COLUMNS,
      this.qualifications.splice(0),
      onConflict('qualification_id'),
    );
    await insertRows(
      this.tx,
      'enrollment_transfer',
      TRANSFER_COLUMNS,
      this.transfers.splice(0),
      onConflict('transfer_id'),
    );
    await this.decided.flush(this.tx);
    await this.closed.flush(this.tx);
  }
}
