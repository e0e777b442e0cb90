import type { RelayedEvent } from '../stored-event';
import { MAX_PASS_BYTES, eventsInOnePass } from './pass-size';

function withData(dataJson: string): RelayedEvent {
  return {
    eventId: '00000000-0000-4000-8000-000000000001',
    type: 'settlement.BillSettled',
    schemaVersion: 1,
    streamId: 's',
    streamVersion: 1,
    globalPosition: 1n,
    transactionId: 1n,
    occurredAt: new Date(0),
    dataJson,
    metadata: { correlationId: 'c', actor: 'a' },
  };
}

describe('eventsInOnePass', () => {
  it('takes every event while they stay within the limit', () => {
    const events = Array.from({ length: 800 }, () => withData('{"n": 1}'));
    expect(eventsInOnePass(events)).toBe(800);
  });

  it('stops before a batch of settlement-sized events passes the limit', () => {
    const events = Array.from({ length: 2_000 }, () => withData(`{"t": "${'x'.repeat(2_900)}"}`));
    const taken = eventsInOnePass(events);
    expect(taken).toBeLessThan(2_000);
    expect(taken * (2_910 + 512)).toBeLessThanOrEqual(MAX_PASS_BYTES);
    expect((taken + 1) * (2_910 + 512)).toBeGreaterThan(MAX_PASS_BYTES);
  });

  it('counts bytes as UTF-8, not characters', () => {
    const ascii = [withData('a'.repeat(1_000)), withData('a'.repeat(1_000))];
    const chinese = [withData('起'.repeat(1_000)), withData('起'.repeat(1_000))];
    expect(eventsInOnePass(ascii, 3_500)).toBe(2);
    expect(eventsInOnePass(chinese, 3_500)).toBe(1);
  });

  it('always takes the first event, however large, so the relay moves on', () => {
    expect(eventsInOnePass([withData('x'.repeat(600_000)), withData('{}')])).toBe(1);
  });
});
