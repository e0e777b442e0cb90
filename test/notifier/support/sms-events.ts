import { randomInt, randomUUID } from 'node:crypto';
import type { StoredEvent } from '@circle/event-store';
import { EVENT_EXAMPLES } from '../../../libs/enrollment/src/events.examples';

/** A mobile number no other test run uses, so each test reads only its own messages. */
export const freshPhone = (): string => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

const ENROLLED = EVENT_EXAMPLES.find((e) => e.type === 'enrollment.ResidentEnrolled')!;

let position = 0n;

/** A resident enrolled at town-1 with this phone, as the relay would publish it. */
export function enrolledEvent(phone: string, occurredAt = new Date()): StoredEvent {
  position++;
  const data = ENROLLED.data as unknown as { notice: object } & Record<string, unknown>;
  return {
    eventId: randomUUID(),
    type: ENROLLED.type,
    schemaVersion: 1,
    streamId: `resident-test-${randomUUID()}`,
    streamVersion: 1,
    globalPosition: position,
    transactionId: position,
    occurredAt,
    data: { ...data, phone, year: 2026, notice: { ...data.notice, phone } },
    metadata: { correlationId: randomUUID(), actor: 'clerk-town-1', stationId: 'town-1' },
  };
}

export const enrolledEvents = (phones: readonly string[]): StoredEvent[] =>
  phones.map((phone) => enrolledEvent(phone));
