import { TOPICS } from '../../../platform/src/kafka/topics';
import type { Projection } from '../projection';

export const EVENT_COUNT_BY_STREAM = 'event_count_by_stream';

const UPSERT = (table: string) => `
  INSERT INTO ${table} AS c (stream_id, events, last_version)
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
  ON CONFLICT (stream_id) DO UPDATE
  SET events = c.events + EXCLUDED.events,
      last_version = GREATEST(c.last_version, EXCLUDED.last_version)`;

/**
 * The smallest useful read model: how many events each stream holds. It exercises the runner
 * on every topic and gives rebuilds something to compare.
 */
export function eventCountByStream(topics: readonly string[] = TOPICS): Projection {
  return {
    name: EVENT_COUNT_BY_STREAM,
    topics,
    tables: ['event_count_by_stream'],
    handles: () => true,
    async apply(event, tx) {
      await tx.query(UPSERT(tx.table('event_count_by_stream')), [
        [event.streamId],
        [1],
        [event.streamVersion],
      ]);
    },
    /** One row per stream however many of its events came: counted here, written once. */
    async applyBatch(events, tx) {
      const perStream = new Map<string, { events: number; last: number }>();
      for (const event of events) {
        const seen = perStream.get(event.streamId);
        if (seen) {
          seen.events++;
          seen.last = Math.max(seen.last, event.streamVersion);
        } else perStream.set(event.streamId, { events: 1, last: event.streamVersion });
      }
      await tx.query(UPSERT(tx.table('event_count_by_stream')), [
        [...perStream.keys()],
        [...perStream.values()].map((s) => s.events),
        [...perStream.values()].map((s) => s.last),
      ]);
    },
  };
}
