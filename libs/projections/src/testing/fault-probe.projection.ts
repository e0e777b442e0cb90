import type { Projection } from '../projection';

export const FAULT_PROBE = 'fault_probe';

/**
 * Records every event it sees, one at a time or a batch at once, except that it throws on any
 * event listed in `fault_probe_failing` — a switch a test flips to make a poison event, and flips back to
 * show that replaying the parked letter then works. `applications` exposes double applies.
 */
export function faultProbe(topics: readonly string[]): Projection {
  return {
    name: FAULT_PROBE,
    topics,
    tables: ['fault_probe_event'],
    handles: () => true,
    async apply(event, tx) {
      const failing = await tx.query('SELECT 1 FROM fault_probe_failing WHERE event_id = $1', [
        event.eventId,
      ]);
      if (failing.length > 0) throw new Error(`fault probe was told to fail on ${event.eventId}`);
      await tx.query(
        `INSERT INTO ${tx.table('fault_probe_event')} AS f
           (event_id, stream_id, stream_version, applications)
         VALUES ($1, $2, $3, 1)
         ON CONFLICT (event_id) DO UPDATE SET applications = f.applications + 1`,
        [event.eventId, event.streamId, event.streamVersion],
      );
    },
    /** The same, set-based; one failing event fails the batch, as a real projection's would. */
    async applyBatch(events, tx) {
      const failing = await tx.query<{ event_id: string }>(
        'SELECT event_id FROM fault_probe_failing WHERE event_id = ANY($1::text[])',
        [events.map((e) => e.eventId)],
      );
      if (failing.length > 0)
        throw new Error(`fault probe was told to fail on ${failing[0]?.event_id}`);
      await tx.query(
        `INSERT INTO ${tx.table('fault_probe_event')} AS f
           (event_id, stream_id, stream_version, applications)
         SELECT id, stream, version, 1 FROM unnest($1::text[], $2::text[], $3::int[])
           AS e(id, stream, version)
         ON CONFLICT (event_id) DO UPDATE SET applications = f.applications + 1`,
        [
          events.map((e) => e.eventId),
          events.map((e) => e.streamId),
          events.map((e) => e.streamVersion),
        ],
      );
    },
  };
}

/** Test support only: production schemas come from migrations. */
export const FAULT_PROBE_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS fault_probe_event (
    event_id       text PRIMARY KEY,
    stream_id      text NOT NULL,
    stream_version int  NOT NULL,
    applications   int  NOT NULL
  );
  CREATE TABLE IF NOT EXISTS fault_probe_failing (event_id text PRIMARY KEY);`;
