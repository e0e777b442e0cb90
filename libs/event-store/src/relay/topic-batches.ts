import type { TopicMessages } from 'kafkajs';
import { encodeEvent } from '../kafka/cloud-event.codec';
import { topicOfEventType } from '../kafka/topic-of-event';
import type { StoredEvent } from '../stored-event';

/** One Kafka batch per topic, each keeping the events' log order. */
export function topicBatches(events: readonly StoredEvent[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    const topic = topicOfEventType(event.type);
    let batch = byTopic.get(topic);
    if (!batch) byTopic.set(topic, (batch = { topic, messages: [] }));
    batch.messages.push(encodeEvent(event));
  }
  return [...byTopic.values()];
}
