import { topicOfEventType } from '../kafka/topic-of-event';
import type { NewEvent } from '../stored-event';

/** CONTRACT's ce_type needs `<context>.<EventName>`; checked before the log, not at the relay. */
const EVENT_TYPE = /^[a-z-]+\.[A-Za-z]+$/;

export function assertAppendable(events: readonly NewEvent[]): void {
  for (const event of events) {
    if (!EVENT_TYPE.test(event.type))
      throw new Error(`event type "${event.type}" is not <context>.<EventName>`);
    topicOfEventType(event.type);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1)
      throw new Error(`event ${event.type}: schemaVersion must be a positive integer`);
    if (event.data === undefined) throw new Error(`event ${event.type}: data is missing`);
  }
}
