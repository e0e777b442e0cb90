import type { EventMetadata, StoredEvent } from '../event-store';

/** A stored event as JSON can hold it: bigints and the time as text, nothing lost. */
export interface StoredEventJson {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  globalPosition: string;
  transactionId: string;
  occurredAt: string;
  data: unknown;
  metadata: EventMetadata;
}

export function eventToJson(event: StoredEvent): StoredEventJson {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition.toString(),
    transactionId: event.transactionId.toString(),
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
}

export function eventFromJson(json: StoredEventJson): StoredEvent {
  return {
    eventId: json.eventId,
    type: json.type,
    schemaVersion: json.schemaVersion,
    streamId: json.streamId,
    streamVersion: json.streamVersion,
    globalPosition: BigInt(json.globalPosition),
    transactionId: BigInt(json.transactionId),
    occurredAt: new Date(json.occurredAt),
    data: json.data,
    metadata: json.metadata,
  };
}

/**
 * A record of the projection's own event log that could not be read as an event: kept whole,
 * so a replay can read it again once the cause is fixed, and an admin sees exactly what came.
 */
export interface KafkaRecordJson {
  readonly kafkaRecord: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: string;
    readonly key: string | null;
    /** The value's bytes in base64: it may not even be text. */
    readonly value: string | null;
    readonly headers: Readonly<Record<string, string>>;
  };
}

export const isKafkaRecord = (json: StoredEventJson | KafkaRecordJson): json is KafkaRecordJson =>
  'kafkaRecord' in json;
