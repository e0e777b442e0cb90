import type { TopicMessages } from 'kafkajs';
import { encodeRelayedEvent } from '../kafka/cloud-event.codec';
import { topicOfEventType } from '../kafka/topic-of-event';
import type { RelayedEvent } from '../stored-event';

/** One Kafka batch per topic, each keeping the events' log order. */
export function topicBatches(events: readonly RelayedEvent[], log?: string): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    const topic = topicOfEventType(event.type);
    let batch = byTopic.get(topic);
    if (!batch) byTopic.set(topic, (batch = { topic, messages: [] }));
    batch.messages.push(encodeRelayedEvent(event, log));
  }
  return [...byTopic.values()];
}
