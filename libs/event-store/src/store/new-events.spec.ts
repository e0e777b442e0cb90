import { UnknownEventContext } from '../kafka/topic-of-event';
import { StreamSpansTopics } from './event-store.errors';
import { assertAppendable } from './new-events';

const ok = { type: 'walkins.TicketIssued', schemaVersion: 1, data: {} };

describe('assertAppendable', () => {
  it('accepts well-formed events of a known context', () => {
    expect(() => assertAppendable([ok, { ...ok, schemaVersion: 3 }])).not.toThrow();
  });

  it('refuses an unknown context before it can reach the log', () => {
    expect(() => assertAppendable([{ ...ok, type: 'parking.CarParked' }])).toThrow(
      UnknownEventContext,
    );
  });

  it('refuses events of one append bound for two topics, and names the one topic otherwise', () => {
    const counter = { type: 'stations.CounterOpened', schemaVersion: 1, data: {} };
    expect(() => assertAppendable([ok, counter])).toThrow(StreamSpansTopics);
    expect(assertAppendable([ok, ok])).toBe('circle.walkins');
    expect(assertAppendable([])).toBeUndefined();
  });

  it.each([
    [{ ...ok, type: 'walkins.Ticket.Issued' }, 'not <context>'],
    [{ ...ok, type: 'walkins.Ticket_Issued' }, 'not <context>'],
    [{ ...ok, schemaVersion: 0 }, 'schemaVersion'],
    [{ ...ok, schemaVersion: 1.5 }, 'schemaVersion'],
    [{ ...ok, data: undefined }, 'data'],
  ])('refuses %j', (event, problem) => {
    expect(() => assertAppendable([event])).toThrow(problem);
  });
});
