import type { ClaimEvent } from '../domain';

/** Where a claim row is written: a projection's transaction or the command's own. */
export interface RowWriter {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

type Data<T extends ClaimEvent['type']> = Extract<ClaimEvent, { type: T }>['data'];

const set = (db: RowWriter, table: string, columns: string, claimId: string, values: unknown[]) =>
  db.query(`UPDATE ${table} SET ${columns} WHERE claim_id = $1`, [claimId, ...values]);

function submitted(db: RowWriter, table: string, d: Data<'claims.ClaimSubmitted'>) {
  return db.query(
    `INSERT INTO ${table} (claim_id, kind, business, resident_id, masked_name, station_id, status,
       total_fen, in_scope_fen, submitted_at, due_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7, $8, $9, $10) ON CONFLICT (claim_id) DO NOTHING`,
    [
      d.claimId,
      d.kind,
      d.business,
      d.residentId,
      d.maskedName,
      d.stationId,
      d.totalFen,
      d.inScopeFen,
      d.at,
      d.dueBy,
    ],
  );
}

/**
 * One claim event into a row of `table`. Each statement writes the values the event carries,
 * so applying an event twice leaves the row as once; events of one claim come in stream order.
 */
export async function writeClaimRow(
  db: RowWriter,
  table: string,
  event: ClaimEvent,
): Promise<void> {
  switch (event.type) {
    case 'claims.ClaimSubmitted':
      await submitted(db, table, event.data);
      return;
    case 'claims.ClaimAdjusted': {
      const d = event.data;
      await set(db, table, `status = 'adjusted', total_fen = $2, in_scope_fen = $3`, d.claimId, [
        d.totalFen,
        d.inScopeFen,
      ]);
      return;
    }
    case 'claims.ClaimApproved':
      await set(db, table, `status = 'approved'`, event.data.claimId, []);
      return;
    case 'claims.ClaimRejected': {
      const d = event.data;
      const columns = `status = 'rejected', decided_at = $2, within_deadline = $3, reason = $4`;
      await set(db, table, columns, d.claimId, [d.at, d.withinDeadline, d.reason]);
      return;
    }
    case 'claims.ClaimSettled': {
      const d = event.data;
      const columns = `status = 'settled', decided_at = $2, within_deadline = $3, settlement_id = $4, fund_fen = $5`;
      await set(db, table, columns, d.claimId, [d.at, d.withinDeadline, d.settlementId, d.fundFen]);
      return;
    }
    case 'claims.PaymentInstructed':
      await set(db, table, 'payment_fen = $2', event.data.claimId, [event.data.amountFen]);
      return;
  }
}
