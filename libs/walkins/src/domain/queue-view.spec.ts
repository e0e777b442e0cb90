import type { ServingCounter } from './wait-estimate';
import { averageServiceSeconds, coverFor, estimateWait } from './wait-estimate';
import { placeOf, waitingInCallOrder } from './queue-view';
import { callOrder, pickNext, WaitingTicket } from './call-policy';
import fc from 'fast-check';

const open = (counterId: string, busy = false): ServingCounter => ({
  counterId,
  status: 'open',
  skills: ['ENROLL_RESIDENT'],
  busy,
});
const settings = { serviceWindow: 3, defaultServiceMinutes: 6 };

describe('wait estimates', () => {
  it('averages the latest services in the window, or assumes the default', () => {
    expect(averageServiceSeconds(undefined, settings)).toBe(360);
    expect(averageServiceSeconds([1000, 100, 200, 300], settings)).toBe(200);
  });

  it('divides the work ahead by the open counters skilled for the business', () => {
    const input = {
      business: 'ENROLL_RESIDENT' as const,
      aheadPerBusiness: { ENROLL_RESIDENT: 6 },
      averageSeconds: () => 300,
    };
    expect(
      estimateWait({ ...input, cover: coverFor('ENROLL_RESIDENT', [open('1'), open('2')]) }),
    ).toEqual({
      minMinutes: 12,
      maxMinutes: 18,
    });
    expect(
      estimateWait({
        ...input,
        cover: coverFor('ENROLL_RESIDENT', [open('1', true), open('2', true)]),
      }),
    ).toEqual({
      minMinutes: 12,
      maxMinutes: 21,
    });
  });

  it('gives the next ticket at a free counter no wait', () => {
    expect(
      estimateWait({
        business: 'ENROLL_RESIDENT',
        aheadPerBusiness: {},
        averageSeconds: () => 300,
        cover: coverFor('ENROLL_RESIDENT', [open('1')]),
      }),
    ).toEqual({ minMinutes: 0, maxMinutes: 0 });
  });

  it('numbers positions among the tickets the same counters serve', () => {
    const t = (serial: number, business: 'ENROLL_RESIDENT' | 'MATERNITY'): WaitingTicket => ({
      ticketId: String(serial),
      serial,
      business,
      priorityClass: 'regular',
      arrivedAt: `2024-06-03T01:0${serial}:00.000Z`,
    });
    const result = waitingInCallOrder({
      waiting: [t(1, 'ENROLL_RESIDENT'), t(2, 'MATERNITY'), t(3, 'ENROLL_RESIDENT')],
      priorityStreak: 0,
      fairnessRatio: 3,
      counters: [open('1'), { ...open('2'), skills: ['MATERNITY'] }],
      averageSeconds: () => 600,
    });
    expect(result.map((r) => [r.ticketId, r.position])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 2],
    ]);
  });
});

describe('one ticket’s place', () => {
  const businesses = ['ENROLL_RESIDENT', 'MATERNITY', 'COVERAGE_ENQUIRY'] as const;
  const waiting = fc.array(
    fc.record({
      business: fc.constantFrom(...businesses),
      priority: fc.boolean(),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    { maxLength: 40 },
  );
  const counters = fc.array(
    fc.record({
      skills: fc.subarray([...businesses], { minLength: 1 }),
      status: fc.constantFrom('open' as const, 'paused' as const, 'closed' as const),
      busy: fc.boolean(),
    }),
    { maxLength: 5 },
  );

  it('is the ticket’s entry of the whole queue’s order, for any queue and counters', () => {
    fc.assert(
      fc.property(
        waiting,
        counters,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (tickets, desks, streak, ratio) => {
          const facts = {
            waiting: tickets.map((t, i): WaitingTicket => ({
              ticketId: `t${i}`,
              serial: i,
              business: t.business,
              priorityClass: t.priority ? 'elderly' : 'regular',
              arrivedAt: `2024-06-03T01:${String(t.minute).padStart(2, '0')}:00.000Z`,
            })),
            priorityStreak: streak,
            fairnessRatio: ratio,
            counters: desks.map((d, i) => ({ ...d, counterId: `c${i}` })),
            averageSeconds: (b: string) => (b === 'MATERNITY' ? 900 : 300),
          };
          for (const entry of waitingInCallOrder(facts))
            expect(placeOf(facts, entry.ticketId)).toEqual({
              position: entry.position,
              estimatedWait: entry.estimatedWait,
            });
          expect(placeOf(facts, 'not-waiting')).toBeUndefined();
        },
      ),
    );
  });
});

describe('call order', () => {
  const ticket = fc
    .record({
      priority: fc.boolean(),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ priority, minute }) => ({ priority, minute }));

  it('is the sequence a counter skilled for everything would call', () => {
    fc.assert(
      fc.property(
        fc.array(ticket, { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (list, ratio) => {
          const waiting: WaitingTicket[] = list.map((x, i) => ({
            ticketId: String(i + 1),
            serial: i + 1,
            business: 'ENROLL_RESIDENT',
            priorityClass: x.priority ? 'elderly' : 'regular',
            arrivedAt: `2024-06-03T01:${String(x.minute).padStart(2, '0')}:00.000Z`,
          }));
          const expected: string[] = [];
          let rest = waiting;
          let streak = 0;
          for (;;) {
            const pick = pickNext(rest, { skills: ['ENROLL_RESIDENT'] }, streak, ratio);
            if (!pick) break;
            expected.push(pick.ticket.ticketId);
            streak = pick.priorityStreak;
            rest = rest.filter((t) => t !== pick.ticket);
          }
          expect(callOrder(waiting, 0, ratio).map((t) => t.ticketId)).toEqual(expected);
        },
      ),
    );
  });
});
