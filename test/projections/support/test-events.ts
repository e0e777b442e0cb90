import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { StoredEvent } from '@circle/event-store';

/** A context the relay knows, so a relay running against the test database can publish these. */
export const PROBE_TYPE = 'diagnostics.ProjectionProbeRecorded';

export const runId = (): string => `${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;

/**
 * `perStream` events for each of `streams` streams, interleaved across streams the way a busy
 * district writes them. Log coordinates are made up: these go to Kafka only.
 */
export function syntheticEvents(prefix: string, streams: number, perStream: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let version = 1; version <= perStream; version++) {
    for (let s = 0; s < streams; s++) {
      const position = BigInt(events.length + 1);
      events.push({
        eventId: randomUUID(),
        type: PROBE_TYPE,
        schemaVersion: 1,
        streamId: `${prefix}-${s}`,
        streamVersion: version,
        globalPosition: position,
        transactionId: position,
        occurredAt: new Date(),
        data: { n: events.length },
        metadata: { correlationId: `projection-test-${prefix}`, actor: 'projection-test' },
      });
    }
  }
  return events;
}

/**
 * Writes events into the event store as an append would, so a rebuild finds them; the log
 * assigns positions and the transaction id, which the returned events carry like the relay's.
 */
export async function appendToLog(
  db: Pool,
  events: readonly StoredEvent[],
): Promise<StoredEvent[]> {
  const { rows } = await db.query<{
    event_id: string;
    global_position: string;
    transaction_id: string;
    occurred_at: Date;
  }>(
    `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
     SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
     RETURNING event_id, global_position, transaction_id::text AS transaction_id, occurred_at`,
    [
      events.map((e) => e.streamId),
      events.map((e) => e.streamVersion),
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
  );
  const stored = new Map(rows.map((r) => [r.event_id, r]));
  return events.map((e) => {
    const row = stored.get(e.eventId)!;
    return {
      ...e,
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id),
      occurredAt: row.occurred_at,
    };
  });
}
