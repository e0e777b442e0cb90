import { insertRows, RowPatches, type ProjectionTx } from '@circle/projections';
import type { QueueEvent, TicketIssued } from '../domain/station-queue.events';
import { parseTicketId } from '../domain/ticket-id';

const ISSUED_COLUMNS = `ticket_id text, station_id text, day date, serial int, number text,
  business text, priority_class text, status text, arrived_at timestamptz,
  issued_at timestamptz, reserved_counter_id text, transferred_from text`;

const CHANGED_COLUMNS = `status text, called_at timestamptz, counter_id text, clerk text,
  recalls int, started_at timestamptz, finished_at timestamptz, outcome text, record_id text,
  service_seconds int, transferred_to text`;

const STREAK_COLUMNS = 'station_id text, day date, priority_streak int';

function issuedRow(d: TicketIssued['data']) {
  const address = parseTicketId(d.ticketId);
  return {
    ticket_id: d.ticketId,
    station_id: d.stationId,
    day: address.day,
    serial: address.serial,
    number: d.number,
    business: d.business,
    priority_class: d.priorityClass,
    status: 'waiting',
    arrived_at: d.arrivedAt,
    issued_at: d.issuedAt,
    reserved_counter_id: d.reservedCounterId ?? null,
    transferred_from: d.transferredFrom ?? null,
  };
}

/**
 * A chunk of queue events as three statements: the tickets issued, every later change folded
 * per ticket, and each queue day's last priority streak. Inserts go first, so a change lands on
 * a ticket issued earlier in the chunk; a ticket issued after changes to it in the same chunk
 * (never in one queue stream, where it is born first) flushes what came before.
 */
export class QueueChunk {
  private readonly issued: ReturnType<typeof issuedRow>[] = [];
  private readonly changes = new RowPatches('walkins_ticket', 'ticket_id text', CHANGED_COLUMNS);
  private readonly streaks = new Map<
    string,
    { station_id: string; day: string; priority_streak: number }
  >();

  constructor(private readonly tx: ProjectionTx) {}

  async add(e: QueueEvent): Promise<void> {
    if (e.type === 'walkins.TicketIssued') {
      if (this.changes.has([e.data.ticketId])) await this.flush();
      this.issued.push(issuedRow(e.data));
      return;
    }
    const change = (ticketId: string, values: Record<string, unknown>) =>
      this.changes.write([ticketId], values);
    switch (e.type) {
      case 'walkins.TicketCalled': {
        const { stationId, day } = parseTicketId(e.data.ticketId);
        const { calledAt, counterId, clerk } = e.data;
        change(e.data.ticketId, {
          status: 'called',
          called_at: calledAt,
          counter_id: counterId,
          clerk,
        });
        this.streaks.set(`${stationId} ${day}`, {
          station_id: stationId,
          day,
          priority_streak: e.data.priorityStreak,
        });
        return;
      }
      case 'walkins.TicketRecalled':
        return change(e.data.ticketId, { recalls: e.data.recalls, called_at: e.data.at });
      case 'walkins.ServiceStarted':
        return change(e.data.ticketId, { status: 'serving', started_at: e.data.at });
      case 'walkins.ServiceCompleted':
        change(e.data.ticketId, {
          status: 'done',
          finished_at: e.data.at,
          outcome: e.data.outcome,
          record_id: e.data.recordId ?? null,
          service_seconds: e.data.serviceSeconds,
        });
        return this.changes.write([e.data.ticketId], { clerk: e.data.clerk }, 'fill');
      case 'walkins.TicketNoShow':
        return change(e.data.ticketId, { status: 'no-show', finished_at: e.data.at });
      case 'walkins.TicketCancelled':
        return change(e.data.ticketId, { status: 'cancelled', finished_at: e.data.at });
      case 'walkins.TicketTransferred':
        return change(e.data.ticketId, {
          status: 'transferred',
          finished_at: e.data.at,
          transferred_to: e.data.toTicketId,
        });
      case 'walkins.TicketTransferStarted':
        return change(e.data.ticketId, { status: 'transferred', finished_at: e.data.at });
      case 'walkins.TicketTransferCompleted':
        return change(e.data.ticketId, { transferred_to: e.data.toTicketId });
      // Waiting again in its place: the call it may have had is void, as in the queue's own fold.
      case 'walkins.TicketTransferUndone':
        return change(e.data.ticketId, {
          status: 'waiting',
          finished_at: null,
          counter_id: null,
          clerk: null,
          called_at: null,
          started_at: null,
        });
      // A decline changes no ticket; its undo does.
      case 'walkins.TicketTransferDeclined':
        return;
    }
  }

  async flush(): Promise<void> {
    await insertRows(
      this.tx,
      'walkins_ticket',
      ISSUED_COLUMNS,
      this.issued.splice(0),
      'ON CONFLICT (ticket_id) DO NOTHING',
    );
    await this.changes.flush(this.tx);
    await insertRows(
      this.tx,
      'walkins_queue_day',
      STREAK_COLUMNS,
      [...this.streaks.values()],
      'ON CONFLICT (station_id, day) DO UPDATE SET priority_streak = EXCLUDED.priority_streak',
    );
    this.streaks.clear();
  }
}
