import type { TopicMessages } from 'kafkajs';
import { encodeEvent } from '../kafka/cloud-event.codec';
import { LOG_HEADER } from '../kafka/event-log-name';
import { topicOfEventType } from '../kafka/topic-of-event';
import type { StoredEvent } from '../stored-event';

/** One Kafka batch per topic, each keeping the events' log order. */
export function topicBatches(events: readonly StoredEvent[], log?: string): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    const topic = topicOfEventType(event.type);
    let batch = byTopic.get(topic);
    if (!batch) byTopic.set(topic, (batch = { topic, messages: [] }));
    const message = encodeEvent(event);
    if (log) message.headers = { ...message.headers, [LOG_HEADER]: log };
    batch.messages.push(message);
  }
  return [...byTopic.values()];
}
