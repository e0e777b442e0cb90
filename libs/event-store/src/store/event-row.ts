import type { EventMetadata, StoredEvent } from '../stored-event';

/**
 * int8 and xid8 arrive as text from node-postgres; they become bigint here and only here.
 * No `::text AS transaction_id` in the columns: an output name equal to a column wins in
 * ORDER BY, and the log would then be sorted as text ('1000' before '999').
 */
export interface EventRow {
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurred_at: Date;
  readonly transaction_id: string;
}

export const EVENT_COLUMNS = `global_position, stream_id, stream_version, event_id, event_type,
  schema_version, data, metadata, occurred_at, transaction_id`;

export function toStoredEvent(row: EventRow): StoredEvent {
  return { ...eventAttributes(row), data: row.data };
}

/** Everything an event row says but its data. */
export function eventAttributes(row: Omit<EventRow, 'data'>): Omit<StoredEvent, 'data'> {
  return {
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    occurredAt: row.occurred_at,
    metadata: row.metadata,
  };
}
