import { EventFields } from './event-fields';
import { isMobileNumber } from './phone';
import type { NoticeFacts, SettledAmounts, SmsNotice } from './sms-notice';

/** A business event as the notifier receives it, whatever context wrote it. */
export interface BusinessEvent {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly data: unknown;
}

export type NoticeOutcome =
  | { readonly notice: SmsNotice }
  | { readonly skipped: 'not-a-result' | 'no-phone' | 'not-a-mobile' };

type Reader = (f: EventFields) => NoticeFacts | null;

const settled = (f: EventFields): SettledAmounts => {
  const amounts = f.nested('notice').nested('amountsFen');
  return {
    totalFen: amounts.whole('totalFen'),
    fundFen: amounts.whole('fundFen'),
    personalFen: amounts.whole('personalFen'),
  };
};

const changedFields = (f: EventFields): string[] =>
  f.list('changes').map((c) => EventFields.of('change', c).text('field'));

/**
 * The business results a resident hears about (CONTRACT: "every business result sends an SMS").
 * Steps inside one result stay silent so it is one message: the contribution assessed with an
 * enrollment, the coverage activated with an enrollment or the payment that completes it (that
 * message says so), a request merely received. A settlement made from a claim is told by the
 * claim's own ClaimSettled, so the benefit year's BillSettled of a claim stays silent.
 */
const READERS: Readonly<Record<string, Reader>> = {
  'enrollment.ResidentEnrolled': (f) => ({ kind: 'resident-enrolled', year: f.whole('year') }),
  'enrollment.ContributionPaid': (f) => ({
    kind: 'contribution-paid',
    year: f.whole('year'),
    receiptNumber: f.text('receiptNumber'),
    amountFen: f.whole('amountFen'),
    paidFen: f.whole('paidFen'),
    outstandingFen: f.whole('outstandingFen'),
  }),
  'enrollment.InsuredInformationChanged': (f) => ({
    kind: 'information-changed',
    fields: changedFields(f),
  }),
  'enrollment.EmployeeEnrolled': (f) => ({
    kind: 'employee-enrolled',
    employerName: f.text('employerName'),
    joinedOn: f.text('joinedOn'),
  }),
  'enrollment.EmployeeLeft': (f) => ({
    kind: 'employee-left',
    employerName: f.text('employerName'),
    leftOn: f.text('leftOn'),
  }),
  'enrollment.OffsiteTreatmentFiled': (f) => ({
    kind: 'offsite-filed',
    filingType: f.text('filingType'),
    destinationRegion: f.text('destinationRegion'),
    validFrom: f.text('validFrom'),
    validTo: f.optionalText('validTo'),
  }),
  'enrollment.ChronicQualificationApproved': (f) => ({
    kind: 'qualification-approved',
    disease: f.text('disease'),
  }),
  'enrollment.ChronicQualificationRejected': (f) => ({
    kind: 'qualification-rejected',
    disease: f.text('disease'),
    reason: f.text('reason'),
  }),
  'enrollment.CoverageTransferCompleted': () => ({ kind: 'transfer-completed' }),
  'enrollment.CoverageTransferRefused': (f) => ({
    kind: 'transfer-refused',
    reason: f.text('reason'),
  }),
  'claims.ClaimRejected': (f) => ({
    kind: 'claim-rejected',
    claimId: f.text('claimId'),
    reason: f.text('reason'),
  }),
  'claims.ClaimSettled': (f) => ({
    kind: 'claim-settled',
    claimId: f.text('claimId'),
    ...settled(f),
  }),
  'settlement.BillSettled': (f) =>
    f.text('source') === 'claim'
      ? null
      : {
          kind: 'bill-settled',
          date: f.nested('bill').text('date'),
          setting: f.nested('bill').text('setting'),
          ...settled(f),
        },
  'settlement.SettlementReversed': (f) => ({
    kind: 'settlement-reversed',
    reason: f.text('reason'),
    ...settled(f),
  }),
};

export const NOTIFIED_EVENT_TYPES: readonly string[] = Object.keys(READERS);

/** The message a business event asks for, or why it asks for none. Throws MalformedEvent. */
export function noticeOf(event: BusinessEvent): NoticeOutcome {
  const read = Object.hasOwn(READERS, event.type) ? READERS[event.type] : undefined;
  if (!read) return { skipped: 'not-a-result' };
  const fields = EventFields.of(event.type, event.data);
  const facts = read(fields);
  if (!facts) return { skipped: 'not-a-result' };
  const notice = fields.nested('notice');
  const phone = notice.optionalText('phone');
  if (!phone) return { skipped: 'no-phone' };
  if (!isMobileNumber(phone)) return { skipped: 'not-a-mobile' };
  return {
    notice: {
      messageId: event.eventId,
      eventId: event.eventId,
      eventType: event.type,
      eventAt: event.occurredAt,
      phone,
      maskedName: notice.text('maskedName'),
      stationId: fields.optionalText('stationId'),
      urgent: false,
      facts,
    },
  };
}
