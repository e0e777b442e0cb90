/**
 * What one SMS says, before it is worded: the facts of one business result, typed per kind, so
 * every template names exactly the amounts and dates its kind carries. Money stays in fen here;
 * the templates show it as yuan.
 */
export type NoticeFacts =
  | { readonly kind: 'resident-enrolled'; readonly year: number }
  | {
      readonly kind: 'contribution-paid';
      readonly year: number;
      readonly receiptNumber: string;
      readonly amountFen: number;
      readonly paidFen: number;
      readonly outstandingFen: number;
    }
  | { readonly kind: 'information-changed'; readonly fields: readonly string[] }
  | { readonly kind: 'employee-enrolled'; readonly employerName: string; readonly joinedOn: string }
  | { readonly kind: 'employee-left'; readonly employerName: string; readonly leftOn: string }
  | {
      readonly kind: 'offsite-filed';
      readonly filingType: string;
      readonly destinationRegion: string;
      readonly validFrom: string;
      readonly validTo: string | null;
    }
  | { readonly kind: 'qualification-approved'; readonly disease: string }
  | { readonly kind: 'qualification-rejected'; readonly disease: string; readonly reason: string }
  | { readonly kind: 'transfer-completed' }
  | { readonly kind: 'transfer-refused'; readonly reason: string }
  | { readonly kind: 'claim-rejected'; readonly claimId: string; readonly reason: string }
  | ({ readonly kind: 'claim-settled'; readonly claimId: string } & SettledAmounts)
  | ({
      readonly kind: 'bill-settled';
      readonly date: string;
      readonly setting: string;
    } & SettledAmounts)
  | ({ readonly kind: 'settlement-reversed'; readonly reason: string } & SettledAmounts)
  | { readonly kind: 'turn-near'; readonly ticketNumber: string; readonly position: number };

export interface SettledAmounts {
  readonly totalFen: number;
  readonly fundFen: number;
  readonly personalFen: number;
}

export type NoticeKind = NoticeFacts['kind'];

/** One message to send: what it answers, to whom, and the facts to word. */
export interface SmsNotice {
  /** The message's own key: the event id, or `turn-near.<ticketId>` for the one per ticket. */
  readonly messageId: string;
  /** The event the message answers (for "your turn is near", the one that moved the queue). */
  readonly eventId: string;
  readonly eventType: string;
  readonly eventAt: Date;
  readonly phone: string;
  /** As the event masked it (张**); empty where the event names nobody. */
  readonly maskedName: string;
  readonly stationId: string | null;
  /** Sent even in quiet hours: the resident is waiting in the hall now. */
  readonly urgent: boolean;
  readonly facts: NoticeFacts;
}
