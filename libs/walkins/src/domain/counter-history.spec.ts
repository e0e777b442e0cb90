import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { counterHistory } from './counter-history';
import { CounterFacts, QueueCommand, decideQueue } from './station-queue';
import { evolveQueue } from './station-queue.evolve';
import { QueueState, initialQueueState } from './station-queue.state';

const at = (minute: number) => new Date(Date.UTC(2024, 5, 3, 1, minute)).toISOString();
const counter = (counterId: string): CounterFacts => ({
  counterId,
  status: 'open',
  skills: ['ENROLL_RESIDENT', 'OFFSITE_FILING'],
});
const id = (serial: number) => `town-1-20240603-${String(serial).padStart(4, '0')}`;

function given(...commands: QueueCommand[]): QueueState {
  return commands.reduce(
    (state, command) => decideQueue(command, state).reduce(evolveQueue, state),
    initialQueueState(),
  );
}
const issue = (minute: number, business: BusinessCode = 'ENROLL_RESIDENT'): QueueCommand => ({
  kind: 'issue',
  stationId: 'town-1',
  business,
  priorityClass: 'regular',
  now: at(minute),
});
const call = (minute: number, counterId = '1'): QueueCommand => ({
  kind: 'call-next',
  counter: counter(counterId),
  clerk: `clerk-${counterId}`,
  fairnessRatio: 3,
  now: at(minute),
});
const start = (serial: number, minute: number): QueueCommand => ({
  kind: 'start',
  ticketId: id(serial),
  clerk: 'clerk-1',
  now: at(minute),
});

describe("a counter's history of the day", () => {
  const state = given(
    issue(0),
    issue(1, 'OFFSITE_FILING'),
    issue(2),
    issue(3),
    call(4),
    start(1, 5),
    {
      kind: 'complete',
      ticketId: id(1),
      clerk: 'clerk-1',
      outcome: 'done',
      recordId: '37081119580907002X',
      recordKind: 'resident',
      now: at(11),
    },
    call(12),
    {
      kind: 'complete',
      ticketId: id(2),
      clerk: 'clerk-1',
      outcome: 'not-handled',
      reason: 'documents-missing',
      now: at(14),
    },
    call(15, '2'),
    call(16),
    { kind: 'no-show', ticketId: id(4), clerk: 'clerk-1', now: at(17) },
  );

  it('lists what the counter finished, newest first, with outcome, record and service time', () => {
    const history = counterHistory(state, '1');
    expect(history.tickets.map((t) => [t.number, t.status, t.outcome])).toEqual([
      ['A003', 'no-show', undefined],
      ['E001', 'done', 'not-handled'],
      ['A001', 'done', 'done'],
    ]);
    expect(history.tickets[2]).toMatchObject({
      recordId: '37081119580907002X',
      recordKind: 'resident',
      startedAt: at(5),
      finishedAt: at(11),
      serviceSeconds: 360,
    });
    // Without a start the service ran from the call.
    expect(history.tickets[1]).toMatchObject({ reason: 'documents-missing', serviceSeconds: 120 });
  });

  it('leaves out the ticket still at the counter and those of other counters', () => {
    expect(counterHistory(state, '2').tickets).toEqual([]);
    expect(counterHistory(state, '3').tickets).toEqual([]);
  });

  it('counts the day by outcome and averages the services', () => {
    expect(counterHistory(state, '1').totals).toEqual({
      done: 1,
      notHandled: 1,
      noShows: 1,
      transferred: 0,
      averageServiceSeconds: 240,
    });
  });
});
