import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { StoredEvent } from '@circle/event-store';
import { walkinsQueueProjection } from '@circle/walkins';
import { call } from '../support/http';
import {
  projectionsAppPort,
  startProjectionsApp,
  type ProjectionsApp,
} from './support/projections-app';
import { testPool, waitFor } from './support/test-db';
import { appendToLog, runId } from './support/test-events';
import { TestTopic } from './support/test-topic';

// The walk-in queue's own code under a name of its own, so its group, stream positions and
// letters stay apart from the supervisor's walkins_queue on the same tables.
const PROJECTION = 'walkins_queue_replay_test';

const FAIL_ON_TICKETS = `
  CREATE TABLE IF NOT EXISTS replay_test_failing (ticket_id text PRIMARY KEY);
  CREATE OR REPLACE FUNCTION replay_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT FROM replay_test_failing WHERE ticket_id = NEW.ticket_id) THEN
      RAISE EXCEPTION 'told to fail on ticket %', NEW.ticket_id;
    END IF;
    RETURN NEW;
  END $$;
  CREATE OR REPLACE TRIGGER replay_test_fail BEFORE INSERT ON walkins_ticket
    FOR EACH ROW EXECUTE FUNCTION replay_test_fail();`;

const REMOVE_FAILURES = `
  DROP TRIGGER IF EXISTS replay_test_fail ON walkins_ticket;
  DROP FUNCTION IF EXISTS replay_test_fail();
  DROP TABLE IF EXISTS replay_test_failing;`;

function queueEvents(stationId: string): StoredEvent[] {
  const ticketId = `${stationId}-20260105-0001`;
  const base = {
    schemaVersion: 1,
    streamId: `queue-${stationId}-2026-01-05`,
    globalPosition: 0n,
    transactionId: 0n,
    occurredAt: new Date(),
    metadata: { correlationId: `replay-${stationId}`, actor: 'clerk-test' },
  };
  const issued = {
    ticketId,
    stationId,
    number: 'A001',
    business: 'ENROLLMENT',
    priorityClass: 'regular',
    arrivedAt: '2026-01-05T01:00:00.000Z',
    issuedAt: '2026-01-05T01:00:00.000Z',
  };
  const called = {
    ticketId,
    number: 'A001',
    counterId: '1',
    clerk: 'clerk-test',
    calledAt: '2026-01-05T01:05:00.000Z',
    priorityStreak: 0,
  };
  return [
    {
      ...base,
      eventId: randomUUID(),
      type: 'walkins.TicketIssued',
      streamVersion: 1,
      data: issued,
    },
    {
      ...base,
      eventId: randomUUID(),
      type: 'walkins.TicketCalled',
      streamVersion: 2,
      data: called,
    },
  ];
}

interface LetterView {
  id: string;
  event: { eventId?: string };
  error: string;
  replayedAt: string | null;
}

describe('replaying a parked walk-in event in its stream order', () => {
  let db: Pool;
  let topic: TestTopic;
  let api: ProjectionsApp;
  let admin: string;

  beforeAll(async () => {
    db = testPool();
    await db.query(FAIL_ON_TICKETS);
    topic = await TestTopic.create(`test.projections.replay.${runId()}`, 1);
    const projection = { ...walkinsQueueProjection([topic.name]), name: PROJECTION };
    api = await startProjectionsApp([projection], projectionsAppPort(2));
    admin = await api.tokenFor('admin');
  }, 60_000);

  afterAll(async () => {
    await api?.app.close();
    await topic.remove();
    await db.query(REMOVE_FAILURES);
    await db.end();
  }, 60_000);

  const letters = async () =>
    (
      await call<LetterView[]>(`${api.url}/api/projections/dead-letters?projection=${PROJECTION}`, {
        token: admin,
      })
    ).body;
  const ticket = async (ticketId: string) => {
    const { rows } = await db.query<{ status: string; counter_id: string | null }>(
      'SELECT status, counter_id FROM walkins_ticket WHERE ticket_id = $1',
      [ticketId],
    );
    return rows[0];
  };

  it('shows a ticket issued and then called, not waiting, after its parked issue is replayed', async () => {
    const stationId = `rt${runId().replace(/[^a-z0-9]/g, '')}`;
    const [issued, called] = await appendToLog(db, queueEvents(stationId));
    const ticketId = (issued!.data as { ticketId: string }).ticketId;
    await db.query('INSERT INTO replay_test_failing (ticket_id) VALUES ($1)', [ticketId]);
    await topic.publish([issued!, called!]);

    const [parked] = await waitFor(
      'the issue parked',
      async () => (await letters()).filter((l) => l.event.eventId === issued!.eventId),
      (l) => l.length === 1,
    );
    expect(parked!.error).toContain(`told to fail on ticket ${ticketId}`);
    await waitFor(
      'the call parked behind it',
      async () => (await letters()).filter((l) => l.event.eventId === called!.eventId),
      (l) => l.length === 1,
    );
    expect(await ticket(ticketId)).toBeUndefined();

    await db.query('DELETE FROM replay_test_failing WHERE ticket_id = $1', [ticketId]);
    const replay = await call(`${api.url}/api/projections/dead-letters/${parked!.id}/replay`, {
      method: 'POST',
      token: admin,
    });
    expect(replay.status).toBe(200);
    expect(await ticket(ticketId)).toEqual({ status: 'called', counter_id: '1' });
    const after = (await letters()).filter((l) =>
      [issued!.eventId, called!.eventId].includes(l.event.eventId ?? ''),
    );
    expect(after.every((l) => l.replayedAt !== null)).toBe(true);
  }, 90_000);
});
