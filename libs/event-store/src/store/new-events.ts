import type { TopicName } from '../../../platform/src/kafka/topics';
import { topicOfEventType } from '../kafka/topic-of-event';
import type { NewEvent } from '../stored-event';
import { StreamSpansTopics } from './event-store.errors';

/** CONTRACT's ce_type needs `<context>.<EventName>`; checked before the log, not at the relay. */
const EVENT_TYPE = /^[a-z-]+\.[A-Za-z]+$/;

/** Checks events bound for one stream; returns the one topic they travel on (none if empty). */
export function assertAppendable(events: readonly NewEvent[]): TopicName | undefined {
  const topics = new Set<TopicName>();
  for (const event of events) {
    if (!EVENT_TYPE.test(event.type))
      throw new Error(`event type "${event.type}" is not <context>.<EventName>`);
    topics.add(topicOfEventType(event.type));
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1)
      throw new Error(`event ${event.type}: schemaVersion must be a positive integer`);
    if (event.data === undefined) throw new Error(`event ${event.type}: data is missing`);
  }
  if (topics.size > 1) throw new StreamSpansTopics([...topics]);
  return [...topics][0];
}
