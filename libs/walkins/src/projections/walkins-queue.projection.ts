import type { Projection, ProjectionTx } from '@circle/projections';
import { QUEUE_EVENT_TYPES, QueueEvent } from '../domain/station-queue.events';
import { parseTicketId } from '../domain/ticket-id';
import type { TransferEvent } from '../domain/transfer.events';

export const WALKINS_QUEUE_PROJECTION = 'walkins_queue';

type Data<T extends QueueEvent['type']> = Extract<QueueEvent, { type: T }>['data'];

async function issued(tx: ProjectionTx, d: Data<'walkins.TicketIssued'>): Promise<void> {
  const address = parseTicketId(d.ticketId);
  await tx.query(
    `INSERT INTO ${tx.table('walkins_ticket')} (ticket_id, station_id, day, serial, number, business,
       priority_class, status, arrived_at, issued_at, reserved_counter_id, transferred_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10, $11)
     ON CONFLICT (ticket_id) DO NOTHING`,
    [
      d.ticketId,
      d.stationId,
      address.day,
      address.serial,
      d.number,
      d.business,
      d.priorityClass,
      d.arrivedAt,
      d.issuedAt,
      d.reservedCounterId ?? null,
      d.transferredFrom ?? null,
    ],
  );
}

async function called(tx: ProjectionTx, d: Data<'walkins.TicketCalled'>): Promise<void> {
  const address = parseTicketId(d.ticketId);
  await tx.query(
    `UPDATE ${tx.table('walkins_ticket')}
     SET status = 'called', called_at = $2, counter_id = $3, clerk = $4 WHERE ticket_id = $1`,
    [d.ticketId, d.calledAt, d.counterId, d.clerk],
  );
  await tx.query(
    `INSERT INTO ${tx.table('walkins_queue_day')} (station_id, day, priority_streak)
     VALUES ($1, $2, $3)
     ON CONFLICT (station_id, day) DO UPDATE SET priority_streak = EXCLUDED.priority_streak`,
    [address.stationId, address.day, d.priorityStreak],
  );
}

function update(sql: string) {
  return (tx: ProjectionTx, params: unknown[]) =>
    tx.query(`UPDATE ${tx.table('walkins_ticket')} SET ${sql} WHERE ticket_id = $1`, params);
}

const recalled = update('recalls = $2, called_at = $3');
const started = update(`status = 'serving', started_at = $2`);
const completed = update(
  `status = 'done', finished_at = $2, outcome = $3, record_id = $4, service_seconds = $5, clerk = coalesce(clerk, $6)`,
);
const ended = update('status = $2, finished_at = $3');
const transferred = update(`status = 'transferred', finished_at = $2, transferred_to = $3`);
const transferStarted = update(`status = 'transferred', finished_at = $2`);
const transferCompleted = update('transferred_to = $2');
// Waiting again in its place: the call it may have had is void, as in the queue's own fold.
const transferUndone = update(
  `status = 'waiting', finished_at = NULL, counter_id = NULL, clerk = NULL, called_at = NULL,
   started_at = NULL`,
);

/** A transfer between queue streams; a decline changes no ticket, its undo does. */
async function applyTransferStep(tx: ProjectionTx, e: TransferEvent): Promise<void> {
  switch (e.type) {
    case 'walkins.TicketTransferStarted':
      await transferStarted(tx, [e.data.ticketId, e.data.at]);
      return;
    case 'walkins.TicketTransferCompleted':
      await transferCompleted(tx, [e.data.ticketId, e.data.toTicketId]);
      return;
    case 'walkins.TicketTransferUndone':
      await transferUndone(tx, [e.data.ticketId]);
      return;
    case 'walkins.TicketTransferDeclined':
      return;
  }
}

/** Every ticket of every station and day, as the supervisor's queue and figures read them. */
export function walkinsQueueProjection(topics: readonly string[] = ['circle.walkins']): Projection {
  return {
    name: WALKINS_QUEUE_PROJECTION,
    topics,
    tables: ['walkins_ticket', 'walkins_queue_day'],
    handles: (type) => (QUEUE_EVENT_TYPES as readonly string[]).includes(type),
    async apply(event, tx) {
      const e = { type: event.type, data: event.data } as QueueEvent;
      switch (e.type) {
        case 'walkins.TicketIssued':
          return issued(tx, e.data);
        case 'walkins.TicketCalled':
          return called(tx, e.data);
        case 'walkins.TicketRecalled':
          await recalled(tx, [e.data.ticketId, e.data.recalls, e.data.at]);
          return;
        case 'walkins.ServiceStarted':
          await started(tx, [e.data.ticketId, e.data.at]);
          return;
        case 'walkins.ServiceCompleted': {
          const d = e.data;
          await completed(tx, [
            d.ticketId,
            d.at,
            d.outcome,
            d.recordId ?? null,
            d.serviceSeconds,
            d.clerk,
          ]);
          return;
        }
        case 'walkins.TicketNoShow':
          await ended(tx, [e.data.ticketId, 'no-show', e.data.at]);
          return;
        case 'walkins.TicketCancelled':
          await ended(tx, [e.data.ticketId, 'cancelled', e.data.at]);
          return;
        case 'walkins.TicketTransferred':
          await transferred(tx, [e.data.ticketId, e.data.at, e.data.toTicketId]);
          return;
        default:
          return applyTransferStep(tx, e);
      }
    },
  };
}
