import type { RelayedEvent } from '../stored-event';
import { eventAttributes, type EventRow } from '../store/event-row';
import type { LogPosition } from '../store/log-position';
import type { Queryable } from '../store/queryable';
import { committedAfterSql } from '../store/read-events';
import { moveCheckpointSql } from './relay-checkpoint';

interface RelayRow extends Omit<EventRow, 'data'> {
  readonly data_json: string;
}

// The data as text: PostgreSQL writes it out either way, and the relay only passes it on.
const RELAY_COLUMNS = `global_position, stream_id, stream_version, event_id, event_type,
  schema_version, data::text AS data_json, metadata, occurred_at, transaction_id`;

const NEXT_BATCH = committedAfterSql(RELAY_COLUMNS);

/**
 * Moves the relay's checkpoint to where the batch begins, in the statement that reads the
 * batch: one round trip a pass instead of two.
 */
const SAVE_THEN_NEXT_BATCH = `WITH saved AS (${moveCheckpointSql('$4', '$1', '$2')})
  ${NEXT_BATCH}`;

/**
 * The events under the gate after `after`, in commit order, for the relay. With `saveFor`, the
 * same statement first saves that relay's checkpoint at `after`.
 */
export async function readRelayBatch(
  db: Queryable,
  after: LogPosition,
  limit: number,
  saveFor?: string,
): Promise<RelayedEvent[]> {
  const values: unknown[] = [after.transactionId.toString(), after.position.toString(), limit];
  const { rows } = await db.query<RelayRow>(
    saveFor === undefined
      ? { name: 'relay-next-batch', text: NEXT_BATCH, values }
      : {
          name: 'relay-save-then-next-batch',
          text: SAVE_THEN_NEXT_BATCH,
          values: [...values, saveFor],
        },
  );
  return rows.map(toRelayedEvent);
}

function toRelayedEvent(row: RelayRow): RelayedEvent {
  return { ...eventAttributes(row), dataJson: row.data_json };
}
