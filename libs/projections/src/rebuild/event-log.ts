import {
  EVENT_COLUMNS,
  EventStore,
  toStoredEvent,
  type EventRow,
  type LogPosition,
  type StoredEvent,
} from '../event-store';
import { queryRows, type Db, type DbClient } from '../store/database';

/** The event store as a rebuild reads it. */
export class EventLog {
  private readonly store: EventStore;

  constructor(private readonly db: Db) {
    this.store = new EventStore(db);
  }

  async count(): Promise<number> {
    const [row] = await queryRows<{ events: string }>(
      this.db,
      'SELECT count(*) AS events FROM events',
    );
    return Number(row?.events ?? 0);
  }

  /**
   * As stored, not upcast: Kafka carries events in their stored schema too, so a rebuild feeds
   * a projection exactly what its live consumer saw.
   */
  readAfter(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    return this.store.readAll(after, limit, { upcast: false });
  }

  /**
   * Events the live copy has applied but the shadow has not: committed behind a transaction that
   * still held the read gate when the catch-up ran. They are committed (Kafka delivered them),
   * so they are read by stream, past the gate, and the shadow misses nothing the live copy had.
   */
  async appliedLiveOnly(
    client: DbClient,
    liveKey: string,
    shadowKey: string,
  ): Promise<StoredEvent[]> {
    const rows = await queryRows<EventRow>(
      client,
      `WITH behind AS (
         SELECT live.stream_id AS behind_stream,
                coalesce(shadow.version, 0) AS after_version,
                live.version AS upto_version
         FROM projection_stream_position live
         LEFT JOIN projection_stream_position shadow
           ON shadow.table_set = $2 AND shadow.stream_id = live.stream_id
         WHERE live.table_set = $1 AND live.version > coalesce(shadow.version, 0))
       SELECT ${EVENT_COLUMNS} FROM events JOIN behind
         ON stream_id = behind_stream AND stream_version > after_version
        AND stream_version <= upto_version
       ORDER BY events.transaction_id, events.global_position`,
      [liveKey, shadowKey],
    );
    return rows.map(toStoredEvent);
  }
}
