import { ticketOf, allTickets } from './station-queue.state';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import { CounterFacts, QueueCommand, decideQueue } from './station-queue';
import type { QueueEvent } from './station-queue.events';
import { evolveQueue } from './station-queue.evolve';
import { QueueState, initialQueueState } from './station-queue.state';
import { decideLocalTransfer, transferTarget } from './transfer';

const at = (minute: number) => new Date(Date.UTC(2024, 5, 3, 1, minute)).toISOString();
const counter: CounterFacts = {
  counterId: '1',
  status: 'open',
  skills: ['ENROLL_RESIDENT', 'CHANGE_INFO'],
};

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
const call = (minute: number, c = counter): QueueCommand => ({
  kind: 'call-next',
  counter: c,
  clerk: 'clerk-town-1',
  fairnessRatio: 3,
  now: at(minute),
});
const first = 'town-1-20240603-0001';

describe('the station queue of a day', () => {
  it('numbers tickets per business letter and ids per station and day', () => {
    const state = given(issue(0), issue(1), issue(2, 'CHANGE_INFO'));
    expect(allTickets(state).map((t) => [t.ticketId, t.number])).toEqual([
      ['town-1-20240603-0001', 'A001'],
      ['town-1-20240603-0002', 'A002'],
      ['town-1-20240603-0003', 'C001'],
    ]);
  });

  it('answers nothing to call when nothing waits for the skills', () => {
    const state = given(issue(0, 'CHANGE_INFO'));
    expect(decideQueue(call(1, { ...counter, skills: ['ENROLL_RESIDENT'] }), state)).toEqual([]);
  });

  it('refuses a call from a counter that is not open', () => {
    expect(() => decideQueue(call(1, { ...counter, status: 'paused' }), given(issue(0)))).toThrow(
      expect.objectContaining({ code: 'counter_not_open', kind: 'conflict' }),
    );
  });

  it('refuses a second call while the counter still has its resident', () => {
    const state = given(issue(0), issue(1), call(2));
    expect(() => decideQueue(call(3), state)).toThrow(
      expect.objectContaining({
        code: 'counter_busy',
        details: expect.objectContaining({ currentNumber: 'A001' }),
      }),
    );
  });

  it('recalls up to the limit, then marks the ticket a no-show and frees the counter', () => {
    const recall = (minute: number): QueueCommand => ({
      kind: 'recall',
      ticketId: first,
      clerk: 'c',
      recallLimit: 2,
      now: at(minute),
    });
    const state = given(issue(0), call(1), recall(2), recall(3));
    expect(ticketOf(state, first)).toMatchObject({ status: 'called', recalls: 2 });
    const [event] = decideQueue(recall(4), state);
    expect(event).toMatchObject({
      type: 'walkins.TicketNoShow',
      data: { reason: 'recalls-exhausted' },
    });
    const after = evolveQueue(state, event as QueueEvent);
    expect(ticketOf(after, first)?.status).toBe('no-show');
    expect(after.atCounter).toEqual({});
  });

  it('measures service from start, or from the call when start was skipped', () => {
    const complete: QueueCommand = {
      kind: 'complete',
      ticketId: first,
      clerk: 'c',
      outcome: 'referred',
      recordId: 'ENR-1',
      now: at(9),
    };
    const started = given(issue(0), call(1), {
      kind: 'start',
      ticketId: first,
      clerk: 'c',
      now: at(4),
    });
    expect(decideQueue(complete, started)[0]).toMatchObject({
      data: { serviceSeconds: 300, outcome: 'referred', recordId: 'ENR-1' },
    });
    expect(decideQueue(complete, given(issue(0), call(1)))[0]).toMatchObject({
      data: { serviceSeconds: 480 },
    });
  });

  it('treats a second start as harmless', () => {
    const start: QueueCommand = { kind: 'start', ticketId: first, clerk: 'c', now: at(2) };
    expect(decideQueue(start, given(issue(0), call(1), start))).toEqual([]);
  });

  it('cancels a waiting ticket but not one in service', () => {
    const cancel: QueueCommand = { kind: 'cancel', ticketId: first, by: 'c', now: at(5) };
    expect(decideQueue(cancel, given(issue(0)))[0]?.type).toBe('walkins.TicketCancelled');
    const serving = given(issue(0), call(1), {
      kind: 'start',
      ticketId: first,
      clerk: 'c',
      now: at(2),
    });
    expect(() => decideQueue(cancel, serving)).toThrow(
      expect.objectContaining({ code: 'ticket_state_conflict' }),
    );
  });

  it('transfers within the station keeping the arrival and linking both tickets', () => {
    const state = given(issue(0), issue(1), call(2));
    const request = { ticketId: first, by: 'c', now: at(7), toBusiness: 'CHANGE_INFO' as const };
    const target = transferTarget(request, ticketOf(state, first)!, 'town-1');
    const events = decideLocalTransfer(request, target, state, 'town-1');
    const after = events.reduce(evolveQueue, state);
    const moved = ticketOf(after, 'town-1-20240603-0003');
    expect(ticketOf(after, first)).toMatchObject({
      status: 'transferred',
      transferredTo: moved?.ticketId,
    });
    expect(moved).toMatchObject({
      status: 'waiting',
      number: 'C001',
      arrivedAt: at(0),
      transferredFrom: first,
    });
    expect(after.atCounter).toEqual({});
  });

  it('keeps the number when only the counter changes', () => {
    const state = given(issue(0), call(1));
    const request = { ticketId: first, by: 'c', now: at(3), toCounterId: '2' };
    const target = transferTarget(request, ticketOf(state, first)!, 'town-1');
    const after = decideLocalTransfer(request, target, state, 'town-1').reduce(evolveQueue, state);
    expect(ticketOf(after, 'town-1-20240603-0002')).toMatchObject({
      number: 'A001',
      reservedCounterId: '2',
    });
    const other = decideQueue(call(4), after);
    expect(other).toEqual([]);
  });
});
