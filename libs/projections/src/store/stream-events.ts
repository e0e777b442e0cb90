import { EVENT_COLUMNS, toStoredEvent, type EventRow, type StoredEvent } from '../event-store';
import { queryRows, type DbClient } from './database';

/**
 * A stream's events strictly between two versions, as stored (not upcast: as Kafka carries
 * them). Read in the caller's transaction: an event Kafka delivered proves every earlier version
 * of its stream committed first, so they are all visible here.
 */
export async function readStreamBetween(
  client: DbClient,
  streamId: string,
  after: number,
  before: number,
): Promise<StoredEvent[]> {
  const rows = await queryRows<EventRow>(
    client,
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE stream_id = $1 AND stream_version > $2 AND stream_version < $3
     ORDER BY stream_version`,
    [streamId, after, before],
  );
  return rows.map(toStoredEvent);
}
