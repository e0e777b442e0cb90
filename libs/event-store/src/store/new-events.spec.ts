import { UnknownEventContext } from '../kafka/topic-of-event';
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
