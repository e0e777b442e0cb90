import type { NewEvent } from '../stored-event';
import { UpcasterRegistry } from './upcaster-registry';

const v1: NewEvent = { type: 'walkins.TicketIssued', schemaVersion: 1, data: { no: 'A1' } };

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register<{ no: string }, { number: string }>('walkins.TicketIssued', 1, (d) => ({
      number: d.no,
    }))
    .register<{ number: string }, { number: string; priority: string }>(
      'walkins.TicketIssued',
      2,
      (d) => ({ ...d, priority: 'normal' }),
    );

  it('lifts old data through every step to the latest version', () => {
    expect(registry.upcast(v1)).toEqual({
      type: 'walkins.TicketIssued',
      schemaVersion: 3,
      data: { number: 'A1', priority: 'normal' },
    });
  });

  it('starts from the stored version', () => {
    const v2 = { ...v1, schemaVersion: 2, data: { number: 'B7' } };
    expect(registry.upcast(v2).data).toEqual({ number: 'B7', priority: 'normal' });
  });

  it('returns the very event when nothing applies', () => {
    const other = { ...v1, type: 'walkins.TicketCalled' };
    expect(registry.upcast(other)).toBe(other);
  });

  it('keeps the rest of a stored event', () => {
    const stored = { ...v1, eventId: 'e-1', streamVersion: 4 };
    expect(registry.upcast(stored)).toMatchObject({ eventId: 'e-1', streamVersion: 4 });
  });

  it('refuses a step registered twice', () => {
    expect(() => registry.register('walkins.TicketIssued', 1, (d) => d)).toThrow('twice');
  });
});
