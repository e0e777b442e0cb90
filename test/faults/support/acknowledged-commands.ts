import type { Pool } from 'pg';
import type { CommandRecord } from '@circle/simulator';

// The event each command's success leaves, and where it is found: a ticket's events carry its
// id, a settlement's its id, a resident's live on the resident's stream.
const TICKET_EVENT: Record<string, string> = {
  'issue-ticket': 'walkins.TicketIssued',
  'call-next': 'walkins.TicketCalled',
  start: 'walkins.ServiceStarted',
  complete: 'walkins.ServiceCompleted',
  'no-show': 'walkins.TicketNoShow',
  recall: 'walkins.TicketRecalled',
  transfer: 'walkins.TicketTransferred',
};
const RESIDENT_EVENT: Record<string, string> = {
  enroll: 'enrollment.ResidentEnrolled',
  pay: 'enrollment.ContributionPaid',
};

// A recalled ticket is called again by the recall itself: its calls outnumber its call-nexts.
const RECALLABLE = ['walkins.TicketCalled ', 'walkins.TicketRecalled '];

export interface CommandAudit {
  acknowledged: number;
  /** Acknowledged commands whose answer names what to look for, so they could be checked. */
  checked: number;
  lost: string[];
  doubled: string[];
}

interface Proof {
  type: string;
  where: 'ticket' | 'settlement' | 'stream';
  id: string;
}

function proofOf(c: CommandRecord): Proof | undefined {
  if (c.ticketId && TICKET_EVENT[c.operation])
    return { type: TICKET_EVENT[c.operation], where: 'ticket', id: c.ticketId };
  if (c.operation === 'settle' && c.settlementId)
    return { type: 'settlement.BillSettled', where: 'settlement', id: c.settlementId };
  if (c.residentId && RESIDENT_EVENT[c.operation])
    return {
      type: RESIDENT_EVENT[c.operation],
      where: 'stream',
      id: `resident-${c.residentId}`,
    };
  return undefined;
}

const keyOf = (p: Proof) => `${p.type} ${p.where} ${p.id}`;

/**
 * Lost: a command answered 2xx whose event is not in the store. Doubled: more events of a kind
 * for one ticket, settlement or resident than commands of that kind were ever sent for it,
 * whatever their answers (an unanswered command may well have been applied, but only once).
 */
export async function auditCommands(db: Pool, commands: CommandRecord[]): Promise<CommandAudit> {
  const sent = new Map<string, number>();
  const acked = new Map<string, Proof>();
  let acknowledged = 0;
  for (const c of commands) {
    const proof = proofOf(c);
    const ok = c.status >= 200 && c.status < 300;
    if (ok) acknowledged++;
    if (!proof) continue;
    const key = keyOf(proof);
    sent.set(key, (sent.get(key) ?? 0) + 1);
    if (ok) acked.set(key, proof);
  }
  const { rows } = await db.query<{
    event_type: string;
    stream_id: string;
    data: Record<string, unknown>;
  }>(
    `SELECT event_type, stream_id, jsonb_build_object('ticketId', data->>'ticketId',
       'settlementId', data->>'settlementId') AS data
     FROM events WHERE event_type = ANY($1)`,
    [[...Object.values(TICKET_EVENT), ...Object.values(RESIDENT_EVENT), 'settlement.BillSettled']],
  );
  const stored = new Map<string, number>();
  for (const e of rows) {
    const keys = [
      e.data.ticketId ? `${e.event_type} ticket ${String(e.data.ticketId)}` : '',
      e.data.settlementId ? `${e.event_type} settlement ${String(e.data.settlementId)}` : '',
      `${e.event_type} stream ${e.stream_id}`,
    ];
    for (const k of keys) if (k) stored.set(k, (stored.get(k) ?? 0) + 1);
  }
  const lost = [...acked.keys()].filter((k) => !stored.has(k));
  const doubled = [...sent]
    .filter(([k, n]) => !RECALLABLE.some((t) => k.startsWith(t)) && (stored.get(k) ?? 0) > n)
    .map(([k, n]) => `${k}: ${stored.get(k)} events for ${n} commands`);
  return { acknowledged, checked: acked.size, lost, doubled };
}
