import type { Pool } from 'pg';
import type { StoredEvent } from '@circle/event-store';
import { FAULT_PROBE, FAULT_PROBE_TABLES_SQL, faultProbe } from '@circle/projections';
import { call } from '../support/http';
import {
  projectionsAppPort,
  startProjectionsApp,
  type ProjectionsApp,
} from './support/projections-app';
import { testPool, waitFor } from './support/test-db';
import { runId, syntheticEvents } from './support/test-events';
import { TestTopic } from './support/test-topic';

interface DeadLetterView {
  id: string;
  projection: string;
  event: Record<string, unknown>;
  error: string;
  attempts: number;
  replayedAt: string | null;
}

interface StatusView {
  name: string;
  lagEvents: number;
  lagMs: number | null;
  parked: number;
}

describe('poison events: parked, reported, replayed', () => {
  let db: Pool;
  let topic: TestTopic;
  let api: ProjectionsApp;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    db = testPool();
    await db.query(FAULT_PROBE_TABLES_SQL);
    topic = await TestTopic.create(`test.projections.poison.${runId()}`, 3);
    api = await startProjectionsApp([faultProbe([topic.name])], projectionsAppPort(0));
    admin = await api.tokenFor('admin');
    supervisor = await api.tokenFor('supervisor');
  }, 60_000);

  afterAll(async () => {
    await api?.app.close();
    await topic.remove();
    await db.end();
  }, 60_000);

  const failOn = (events: StoredEvent[]) =>
    db.query('INSERT INTO fault_probe_failing (event_id) SELECT unnest($1::text[])', [
      events.map((e) => e.eventId),
    ]);
  const heal = (events: StoredEvent[]) =>
    db.query('DELETE FROM fault_probe_failing WHERE event_id = ANY($1::text[])', [
      events.map((e) => e.eventId),
    ]);
  const applications = async (prefix: string) => {
    const { rows } = await db.query<{ event_id: string; applications: number }>(
      'SELECT event_id, applications FROM fault_probe_event WHERE starts_with(stream_id, $1)',
      [prefix],
    );
    return new Map(rows.map((r) => [r.event_id, r.applications]));
  };
  const deadLetters = async () =>
    (
      await call<DeadLetterView[]>(
        `${api.url}/api/projections/dead-letters?projection=${FAULT_PROBE}`,
        {
          token: supervisor,
        },
      )
    ).body;
  const lettersFor = async (events: StoredEvent[]) => {
    const ids = new Set(events.map((e) => e.eventId));
    return (await deadLetters()).filter((l) => ids.has(String(l.event.eventId)));
  };

  it('parks the failing event after its retries, holds its stream behind it, applies the others', async () => {
    const prefix = `poison-${runId()}`;
    const events = syntheticEvents(prefix, 5, 6);
    const poison = events[12]!;
    await failOn([poison]);
    await topic.publish(events);

    // The poisoned stream's later events wait behind it, parked in their order.
    const later = events.filter(
      (e) => e.streamId === poison.streamId && e.streamVersion > poison.streamVersion,
    );
    expect(later.length).toBeGreaterThan(0);
    const applied = await waitFor(
      'all but the poisoned stream from the poison on applied',
      () => applications(prefix),
      (m) => m.size === events.length - 1 - later.length,
    );
    expect(applied.has(poison.eventId)).toBe(false);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
    for (const e of later) expect(applied.has(e.eventId)).toBe(false);
    const held = await waitFor(
      'the later events parked behind the poison',
      () => lettersFor(later),
      (l) => l.length === later.length,
    );
    for (const h of held) expect(h.error).toContain(`held behind version ${poison.streamVersion}`);

    const [letter] = await waitFor(
      'the dead letter',
      () => lettersFor([poison]),
      (l) => l.length === 1,
    );
    expect(letter!.attempts).toBe(4);
    expect(letter!.error).toContain('fault probe was told to fail');
    expect(letter!.replayedAt).toBeNull();
    expect(letter!.event).toEqual({
      eventId: poison.eventId,
      type: poison.type,
      schemaVersion: 1,
      streamId: poison.streamId,
      streamVersion: poison.streamVersion,
      globalPosition: poison.globalPosition.toString(),
      transactionId: poison.transactionId.toString(),
      occurredAt: poison.occurredAt.toISOString(),
      data: poison.data,
      metadata: poison.metadata,
    });

    const status = await waitFor(
      'no lag',
      async () =>
        (await call<StatusView[]>(`${api.url}/api/projections`, { token: supervisor })).body,
      (s) => s[0]?.lagEvents === 0,
    );
    expect(status).toEqual([
      expect.objectContaining({
        name: FAULT_PROBE,
        lagEvents: 0,
        lagMs: 0,
        parked: expect.any(Number),
      }),
    ]);
    expect(status[0]!.parked).toBeGreaterThanOrEqual(1);
    const metrics = (await call<string>(`${api.url}/metrics`)).body;
    expect(metrics).toMatch(/projection_lag_events\{[^}]*projection="fault_probe"[^}]*\} 0/);
    expect(metrics).toMatch(/projection_lag_ms\{[^}]*projection="fault_probe"[^}]*\} 0/);

    const replayUrl = `${api.url}/api/projections/dead-letters/${letter!.id}/replay`;
    expect((await call(replayUrl, { method: 'POST', token: supervisor })).status).toBe(403);
    const stillFailing = await call<{ error: string }>(replayUrl, { method: 'POST', token: admin });
    expect(stillFailing.status).toBe(409);
    expect(stillFailing.body.error).toBe('replay_failed');
    expect((await lettersFor([poison]))[0]!.attempts).toBe(5);

    await heal([poison]);
    const replayed = await call(replayUrl, { method: 'POST', token: admin });
    expect(replayed.status).toBe(200);
    const afterReplay = await applications(prefix);
    expect(afterReplay.size).toBe(events.length);
    expect([...afterReplay.values()].every((n) => n === 1)).toBe(true);
    expect((await lettersFor(later)).every((l) => l.replayedAt !== null)).toBe(true);
    expect((await call(replayUrl, { method: 'POST', token: admin })).status).toBe(409);
    expect((await lettersFor([poison]))[0]!.replayedAt).not.toBeNull();
  }, 90_000);

  it('replays every waiting letter of a projection at once', async () => {
    const prefix = `poison-all-${runId()}`;
    const events = syntheticEvents(prefix, 4, 3);
    const poisoned = [events[1]!, events[7]!];
    await failOn(poisoned);
    await topic.publish(events);
    const letters = await waitFor(
      'both parked',
      () => lettersFor(poisoned),
      (l) => l.length === 2,
    );

    await heal(poisoned);
    const reply = await call<{ replayed: number; failed: { id: string }[] }>(
      `${api.url}/api/projections/${FAULT_PROBE}/dead-letters/replay`,
      { method: 'POST', token: admin },
    );
    expect(reply.status).toBe(200);
    // Letters an interrupted earlier run left behind may still fail; ours must not.
    const ours = new Set(letters.map((l) => l.id));
    expect(reply.body.failed.filter((f) => ours.has(f.id))).toEqual([]);
    expect(reply.body.replayed).toBeGreaterThanOrEqual(2);
    expect((await lettersFor(poisoned)).every((l) => l.replayedAt !== null)).toBe(true);
    const applied = await applications(prefix);
    expect(applied.size).toBe(events.length);
    expect([...applied.values()].every((n) => n === 1)).toBe(true);
  }, 90_000);

  it('answers 404 for letters and projections it does not know', async () => {
    const post = (path: string) =>
      call(`${api.url}/api/projections/${path}`, { method: 'POST', token: admin });
    expect((await post('dead-letters/999999999/replay')).status).toBe(404);
    expect((await post('dead-letters/not-a-number/replay')).status).toBe(404);
    expect((await post('nope/dead-letters/replay')).status).toBe(404);
  });
});
