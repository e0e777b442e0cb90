import { TOPICS } from '../../../platform/src/kafka/topics';
import type { Projection } from '../projection';

export const EVENT_COUNT_BY_STREAM = 'event_count_by_stream';

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
      await tx.query(
        `INSERT INTO ${tx.table('event_count_by_stream')} AS c (stream_id, events, last_version)
         VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE
         SET events = c.events + 1, last_version = GREATEST(c.last_version, EXCLUDED.last_version)`,
        [event.streamId, event.streamVersion],
      );
    },
  };
}
