import { EVENT_EXAMPLES as CLAIMS } from '../../../claims/src/events.examples';
import { EVENT_EXAMPLES as ENROLLMENT } from '../../../enrollment/src/events.examples';
import { EVENT_EXAMPLES as SETTLEMENT } from '../../../settlement/src/events.examples';
import { LANGUAGES } from './language';
import { NOTIFIED_EVENT_TYPES, noticeOf, type BusinessEvent } from './notice-of-event';
import { renderMessage } from './render-message';
import type { SmsNotice } from './sms-notice';

const examples: BusinessEvent[] = [...ENROLLMENT, ...SETTLEMENT, ...CLAIMS].map((e, i) => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: e.type,
  occurredAt: new Date('2022-06-01T03:00:00Z'),
  data: e.data,
}));

function noticeFrom(event: BusinessEvent): SmsNotice {
  const outcome = noticeOf(event);
  if (!('notice' in outcome)) throw new Error(`${event.type} asks for no message`);
  return outcome.notice;
}

/** Every amount a kind's facts carry, as yuan with two decimals. */
function amountsOf(notice: SmsNotice): string[] {
  return Object.entries(notice.facts)
    .filter(([key, value]) => key.endsWith('Fen') && typeof value === 'number')
    .map(([, fen]) => {
      const whole = Math.floor((fen as number) / 100).toLocaleString('en-US');
      return `${whole}.${String((fen as number) % 100).padStart(2, '0')}`;
    });
}

describe('renderMessage', () => {
  const notified = examples.filter((e) => NOTIFIED_EVENT_TYPES.includes(e.type));

  it('has an example of every event type it words', () => {
    const covered = new Set(notified.map((e) => e.type));
    expect(NOTIFIED_EVENT_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(notified.map((e) => [e.type, e]))('words %s with its amounts', (_type, event) => {
      const notice = noticeFrom(event as BusinessEvent);
      const { text, segments } = renderMessage(notice, language);
      for (const amount of amountsOf(notice)) expect(text).toContain(amount);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      expect(text).not.toMatch(/\d{3}\d{4}\d{4}/);
      if (notice.maskedName) expect(text).toContain(notice.maskedName);
      expect(segments.parts.join('')).toBe(text);
    });
  });

  it('masks an ID number or mobile a clerk typed into a reason', () => {
    const refused: SmsNotice = {
      ...noticeFrom(notified.find((e) => e.type === 'settlement.BillSettled')!),
      facts: {
        kind: 'transfer-refused',
        reason: '请携带37081119400301021X的户口本，联系13912345678',
      },
    };
    for (const language of LANGUAGES) {
      const { text } = renderMessage(refused, language);
      expect(text).toContain('370***********021X');
      expect(text).toContain('139****5678');
      expect(text).not.toContain('37081119400301021X');
      expect(text).not.toContain('13912345678');
    }
  });

  it('words a settlement in Chinese with yuan, station and parts', () => {
    const settled = noticeFrom(notified.find((e) => e.type === 'settlement.BillSettled')!);
    const { text, segments } = renderMessage(settled, 'zh-CN');
    expect(text).toBe(
      '【医保服务圈】王**您好，您2022-06-01在新区中医院医保服务站的住院费用30,000.00元已结算：医保基金支付23,960.00元，个人支付6,040.00元。',
    );
    expect(segments).toMatchObject({
      encoding: 'UCS-2',
      parts: [expect.any(String), expect.any(String)],
    });
  });

  it('words the same settlement in English', () => {
    const settled = noticeFrom(notified.find((e) => e.type === 'settlement.BillSettled')!);
    expect(renderMessage(settled, 'en').text).toMatch(
      /^\[Service Circle\] Dear 王\*\*, your inpatient bill of 2022-06-01 at .+, 30,000.00 yuan, is settled: the funds paid 23,960.00 yuan, you paid 6,040.00 yuan\.$/,
    );
  });

  it('tells a payment that completes the year that the cover is active', () => {
    const paid = noticeFrom(notified.find((e) => e.type === 'enrollment.ContributionPaid')!);
    expect(renderMessage(paid, 'zh-CN').text).toContain('医保待遇已生效');
    expect(renderMessage(paid, 'en').text).toContain('cover is active');
  });

  it('words "your turn is near" with the ticket and what is left ahead', () => {
    const near: SmsNotice = {
      messageId: 'turn-near.town-1-20240603-0012',
      eventId: 'e1',
      eventType: 'walkins.TicketCalled',
      eventAt: new Date(),
      phone: '13805376142',
      maskedName: '',
      stationId: 'town-1',
      urgent: true,
      facts: { kind: 'turn-near', ticketNumber: 'A005', position: 3 },
    };
    expect(renderMessage(near, 'zh-CN').text).toMatch(/A005号前面还有2位/);
    expect(renderMessage(near, 'en').text).toMatch(/Ticket A005 at .+: 2 people are ahead of you/);
    const next = { ...near, facts: { ...near.facts, position: 1 } };
    expect(renderMessage(next, 'en').text).toContain('you are next');
  });
});

describe('noticeOf', () => {
  const enrolled = examples.find((e) => e.type === 'enrollment.ResidentEnrolled')!;
  const data = enrolled.data as { notice: Record<string, unknown> };

  it('asks nothing of steps inside a result', () => {
    for (const type of [
      'enrollment.ContributionAssessed',
      'enrollment.CoverageActivated',
      'claims.ClaimSubmitted',
    ])
      expect(noticeOf({ ...enrolled, type })).toEqual({ skipped: 'not-a-result' });
  });

  it('skips a person without a mobile number', () => {
    expect(
      noticeOf({ ...enrolled, data: { ...data, notice: { ...data.notice, phone: null } } }),
    ).toEqual({
      skipped: 'no-phone',
    });
    expect(
      noticeOf({
        ...enrolled,
        data: { ...data, notice: { ...data.notice, phone: '0537-2345678' } },
      }),
    ).toEqual({ skipped: 'not-a-mobile' });
  });

  it('leaves a settlement made from a claim to the claim message', () => {
    const settled = examples.find((e) => e.type === 'settlement.BillSettled')!;
    expect(
      noticeOf({ ...settled, data: { ...(settled.data as object), source: 'claim' } }),
    ).toEqual({
      skipped: 'not-a-result',
    });
  });

  it('names the field of a malformed event', () => {
    expect(() => noticeOf({ ...enrolled, data: { ...data, year: '2022' } })).toThrow(
      'enrollment.ResidentEnrolled: year is not a whole number',
    );
  });
});
