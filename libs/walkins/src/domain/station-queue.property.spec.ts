import { ticketOf, allTickets } from './station-queue.state';
import fc from 'fast-check';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { PRIORITY_CLASSES, TicketClass } from './priority-class';
import { CounterFacts, decideQueue } from './station-queue';
import type { QueueEvent } from './station-queue.events';
import { evolveQueue } from './station-queue.evolve';
import { QueueState, initialQueueState } from './station-queue.state';

const BUSINESSES: BusinessCode[] = ['ENROLL_RESIDENT', 'CHANGE_INFO', 'OFFSITE_FILING'];
const COUNTERS: CounterFacts[] = [
  { counterId: '1', status: 'open', skills: BUSINESSES },
  { counterId: '2', status: 'open', skills: ['ENROLL_RESIDENT'] },
  { counterId: '3', status: 'open', skills: ['CHANGE_INFO', 'OFFSITE_FILING'] },
];

type Step =
  | { kind: 'arrive'; business: BusinessCode; priorityClass: TicketClass }
  | { kind: 'call'; counter: number }
  | { kind: 'finish'; counter: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('arrive' as const),
    business: fc.constantFrom(...BUSINESSES),
    priorityClass: fc.constantFrom<TicketClass>('regular', 'regular', ...PRIORITY_CLASSES),
  }),
  fc.record({ kind: fc.constant('call' as const), counter: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('finish' as const), counter: fc.integer({ min: 0, max: 2 }) }),
);

interface Call {
  readonly event: Extract<QueueEvent, { type: 'walkins.TicketCalled' }>;
  readonly before: QueueState;
  readonly counter: CounterFacts;
}

/** Runs steps through decide/evolve, one second apart, and records every call with its state. */
function run(steps: readonly Step[], fairnessRatio: number): Call[] {
  let state = initialQueueState();
  const calls: Call[] = [];
  steps.forEach((s, i) => {
    const now = new Date(Date.UTC(2024, 5, 3, 1, 0, i)).toISOString();
    let events: QueueEvent[] = [];
    if (s.kind === 'arrive')
      events = decideQueue({ ...s, kind: 'issue', stationId: 'hall', now }, state);
    else {
      const counter = COUNTERS[s.counter]!;
      const current = state.atCounter[counter.counterId];
      if (s.kind === 'finish' && current)
        events = decideQueue(
          { kind: 'complete', ticketId: current, clerk: 'c', outcome: 'done', now },
          state,
        );
      if (s.kind === 'call' && !current) {
        events = decideQueue({ kind: 'call-next', counter, clerk: 'c', fairnessRatio, now }, state);
        for (const e of events)
          if (e.type === 'walkins.TicketCalled') calls.push({ event: e, before: state, counter });
      }
    }
    state = events.reduce(evolveQueue, state);
  });
  return calls;
}

const waitingFor = (state: QueueState, counter: CounterFacts) =>
  allTickets(state).filter((t) => t.status === 'waiting' && counter.skills.includes(t.business));

const scenario = fc.tuple(fc.array(step, { maxLength: 120 }), fc.integer({ min: 1, max: 5 }));

describe('the call policy, for any arrival sequence', () => {
  it('never calls a ticket twice', () => {
    fc.assert(
      fc.property(scenario, ([steps, ratio]) => {
        const called = run(steps, ratio).map((c) => c.event.data.ticketId);
        expect(new Set(called).size).toBe(called.length);
      }),
    );
  });

  it('calls only tickets the counter is skilled for', () => {
    fc.assert(
      fc.property(scenario, ([steps, ratio]) => {
        for (const call of run(steps, ratio)) {
          const ticket = ticketOf(call.before, call.event.data.ticketId)!;
          expect(call.counter.skills).toContain(ticket.business);
        }
      }),
    );
  });

  it('keeps FIFO by arrival within priority and within regular', () => {
    fc.assert(
      fc.property(scenario, ([steps, ratio]) => {
        for (const call of run(steps, ratio)) {
          const ticket = ticketOf(call.before, call.event.data.ticketId)!;
          const isPriority = ticket.priorityClass !== 'regular';
          const earlierSameKind = waitingFor(call.before, call.counter).filter(
            (t) => (t.priorityClass !== 'regular') === isPriority && t.arrivedAt < ticket.arrivedAt,
          );
          expect(earlierSameKind).toEqual([]);
        }
      }),
    );
  });

  it('calls the longest-waiting regular ticket after N priority calls in a row', () => {
    fc.assert(
      fc.property(scenario, ([steps, ratio]) => {
        let streak = 0;
        for (const call of run(steps, ratio)) {
          const ticket = ticketOf(call.before, call.event.data.ticketId)!;
          const regularWaits = waitingFor(call.before, call.counter).some(
            (t) => t.priorityClass === 'regular',
          );
          if (ticket.priorityClass !== 'regular' && regularWaits)
            expect(streak).toBeLessThan(ratio);
          streak = ticket.priorityClass === 'regular' ? 0 : streak + 1;
        }
      }),
    );
  });

  it('puts priority first whenever the ratio allows', () => {
    fc.assert(
      fc.property(scenario, ([steps, ratio]) => {
        for (const call of run(steps, ratio)) {
          const ticket = ticketOf(call.before, call.event.data.ticketId)!;
          const priorityWaits = waitingFor(call.before, call.counter).some(
            (t) => t.priorityClass !== 'regular',
          );
          if (ticket.priorityClass === 'regular' && priorityWaits)
            expect(call.before.priorityStreak).toBeGreaterThanOrEqual(ratio);
        }
      }),
    );
  });
});
