import type { CounterFacts, QueueCommand } from './station-queue';
import { decideQueue } from './station-queue';
import { evolveQueue } from './station-queue.evolve';
import type { QueueEvent } from './station-queue.events';
import { QueueState, initialQueueState, ticketOf, waitingTickets } from './station-queue.state';
import {
  arrivalOf,
  decideArrival,
  decideTransferEnd,
  decideTransferStart,
  transfersUnderWay,
} from './transfer-steps';

const at = (minute: number) => new Date(Date.UTC(2024, 5, 3, 1, minute)).toISOString();
const counter: CounterFacts = { counterId: '1', status: 'open', skills: ['ENROLL_RESIDENT'] };
const first = 'town-1-20240603-0001';
const transferId = 't-1';

const fold = (state: QueueState, events: readonly QueueEvent[]) =>
  events.reduce(evolveQueue, state);

function given(...commands: QueueCommand[]): QueueState {
  return commands.reduce(
    (state, command) => fold(state, decideQueue(command, state)),
    initialQueueState(),
  );
}

const issue = (stationId: string, minute: number): QueueCommand => ({
  kind: 'issue',
  stationId,
  business: 'ENROLL_RESIDENT',
  priorityClass: 'elderly',
  now: at(minute),
});
const call = (minute: number): QueueCommand => ({
  kind: 'call-next',
  counter,
  clerk: 'clerk-town-1',
  fairnessRatio: 3,
  now: at(minute),
});

/** town-1's queue with its first ticket called, then sent to the hall by step 1. */
function sent() {
  const before = given(issue('town-1', 0), issue('town-1', 1), call(2));
  const started = decideTransferStart(
    {
      transferId,
      ticketId: first,
      by: 'clerk-town-1',
      now: at(5),
      target: { stationId: 'hall', business: 'TRANSFER', counterId: '4' },
    },
    before,
  );
  const source = fold(before, started);
  const transfer = source.transfersOut[transferId]!;
  const arrival = { transfer, from: ticketOf(source, first)!, fromStationId: 'town-1' };
  return { source, transfer, arrival };
}

describe('a transfer to another queue, step by step', () => {
  it('step 1 takes the ticket out of its queue at once and marks the transfer under way', () => {
    const { source } = sent();
    expect(ticketOf(source, first)).toMatchObject({ status: 'transferred' });
    expect(source.atCounter).toEqual({});
    expect(transfersUnderWay(source).map((t) => t.transferId)).toEqual([transferId]);
  });

  it('step 2 issues at the destination as of the transfer, once per transfer', () => {
    const { arrival } = sent();
    const hall = given(issue('hall', 3));
    const events = decideArrival(arrival, undefined, hall);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'walkins.TicketIssued',
        data: expect.objectContaining({
          ticketId: 'hall-20240603-0002',
          number: 'L001',
          arrivedAt: at(0),
          issuedAt: at(5),
          priorityClass: 'elderly',
          transferredFrom: first,
          reservedCounterId: '4',
          transferId,
        }),
      }),
    ]);
    const after = fold(hall, events);
    expect(arrivalOf(after, transferId)).toEqual({ toTicketId: 'hall-20240603-0002' });
    expect(decideArrival(arrival, undefined, after)).toEqual([]);
    expect(decideArrival(arrival, 'changed its mind', after)).toEqual([]);
  });

  it('step 2 declines once when the destination cannot take the resident', () => {
    const { arrival } = sent();
    const events = decideArrival(arrival, 'hall does not handle TRANSFER', initialQueueState());
    expect(events).toEqual([
      {
        type: 'walkins.TicketTransferDeclined',
        data: {
          transferId,
          stationId: 'hall',
          fromTicketId: first,
          business: 'TRANSFER',
          reason: 'hall does not handle TRANSFER',
          at: at(5),
        },
      },
    ]);
    const after = fold(initialQueueState(), events);
    expect(arrivalOf(after, transferId)).toEqual({ declined: 'hall does not handle TRANSFER' });
    expect(decideArrival(arrival, undefined, after)).toEqual([]);
  });

  it('step 3 links the old ticket to the new one, once', () => {
    const { source } = sent();
    const outcome = { toTicketId: 'hall-20240603-0002' };
    const after = fold(source, decideTransferEnd(transferId, outcome, at(6), source));
    expect(ticketOf(after, first)).toMatchObject({
      status: 'transferred',
      transferredTo: 'hall-20240603-0002',
    });
    expect(transfersUnderWay(after)).toEqual([]);
    expect(decideTransferEnd(transferId, outcome, at(7), after)).toEqual([]);
  });

  it('step 3 after a decline puts the ticket back in its place, uncalled, once', () => {
    const { source } = sent();
    const outcome = { declined: 'hall does not handle TRANSFER' };
    const after = fold(source, decideTransferEnd(transferId, outcome, at(6), source));
    const ticket = ticketOf(after, first);
    expect(ticket).toMatchObject({ status: 'waiting', arrivedAt: at(0) });
    expect(ticket).not.toHaveProperty('counterId');
    expect(ticket).not.toHaveProperty('calledAt');
    expect(waitingTickets(after).map((t) => t.ticketId)).toEqual([first, 'town-1-20240603-0002']);
    expect(transfersUnderWay(after)).toEqual([]);
    expect(decideTransferEnd(transferId, outcome, at(7), after)).toEqual([]);
    expect(decideQueue(call(8), after)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ ticketId: first }) }),
    ]);
  });

  it('refuses step 1 for a ticket already sent', () => {
    const { source } = sent();
    const again = {
      transferId: 't-2',
      ticketId: first,
      by: 'clerk-town-1',
      now: at(6),
      target: { stationId: 'hall', business: 'TRANSFER' as const },
    };
    expect(() => decideTransferStart(again, source)).toThrow(
      expect.objectContaining({ code: 'ticket_state_conflict' }),
    );
  });
});
