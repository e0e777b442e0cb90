import type { SmsNotice } from './sms-notice';

/** A waiting ticket as the station's queue places it now. */
export interface PlacedTicket {
  readonly ticketId: string;
  readonly number: string;
  /** 1 is next among the tickets the same counters serve. */
  readonly position: number;
  readonly phone?: string;
}

export interface TurnNearRule {
  /** Position at or under which a resident is told (3 unless the station says otherwise). */
  readonly position: number;
  readonly byStation: Readonly<Record<string, number>>;
}

export const turnNearMessageId = (ticketId: string): string => `turn-near.${ticketId}`;

export function turnNearPosition(rule: TurnNearRule, stationId: string): number {
  return Object.hasOwn(rule.byStation, stationId)
    ? (rule.byStation[stationId] ?? rule.position)
    : rule.position;
}

/**
 * "Your turn is near", once per ticket: every waiting ticket with a phone placed at or under
 * the station's position. The message id is the ticket's, so a ticket that falls back behind a
 * priority arrival and comes forward again is not told twice; the event that moved the queue is
 * the one the message answers.
 */
export function turnNearNotices(
  station: { readonly stationId: string; readonly waiting: readonly PlacedTicket[] },
  cause: { readonly eventId: string; readonly eventType: string; readonly occurredAt: Date },
  rule: TurnNearRule,
): SmsNotice[] {
  const near = turnNearPosition(rule, station.stationId);
  return station.waiting
    .filter((t) => t.phone !== undefined && t.position <= near)
    .map((t) => ({
      messageId: turnNearMessageId(t.ticketId),
      eventId: cause.eventId,
      eventType: cause.eventType,
      eventAt: cause.occurredAt,
      phone: t.phone as string,
      maskedName: '',
      stationId: station.stationId,
      urgent: true,
      facts: { kind: 'turn-near', ticketNumber: t.number, position: t.position },
    }));
}
