/**
 * The one place this library reaches into the event store, so its internal layout can change
 * without touching the runner.
 */
export type { StoredEvent, EventMetadata } from '../../event-store/src/stored-event';
export { decodeEvent, encodeEvent } from '../../event-store/src/kafka/cloud-event.codec';
export { LOG_HEADER, eventLogId } from '../../event-store/src/kafka/event-log-name';
export { consumingKafka } from '../../event-store/src/kafka/consuming-kafka';
export { EventStore } from '../../event-store/src/store/event-store';
export { LOG_START, positionOf, type LogPosition } from '../../event-store/src/store/log-position';
export { EVENT_COLUMNS, toStoredEvent, type EventRow } from '../../event-store/src/store/event-row';
