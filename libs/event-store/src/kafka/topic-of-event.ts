import type { TopicName } from '../../../platform/src/kafka/topics';
import { contextOfType } from '../stored-event';

/**
 * One topic per bounded context (CONTRACT). A context missing here is a programming error that
 * must surface at append time, before the event can block the relay.
 */
const TOPIC_OF_CONTEXT: Readonly<Record<string, TopicName>> = Object.freeze({
  walkins: 'circle.walkins',
  enrollment: 'circle.enrollment',
  claims: 'circle.claims',
  settlement: 'circle.settlement',
  stations: 'circle.stations',
  // Imported geographies: rare events, one stream per region, so one partition.
  coverage: 'circle.coverage',
  // Probe events the project's own checks write; they keep business topics free of test traffic.
  diagnostics: 'circle.diagnostics',
});

export class UnknownEventContext extends Error {
  constructor(readonly eventType: string) {
    super(
      `event type ${eventType} names no known context (${Object.keys(TOPIC_OF_CONTEXT).join(', ')})`,
    );
    this.name = 'UnknownEventContext';
  }
}

export function topicOfEventType(type: string): TopicName {
  const topic = Object.hasOwn(TOPIC_OF_CONTEXT, contextOfType(type))
    ? TOPIC_OF_CONTEXT[contextOfType(type)]
    : undefined;
  if (!topic) throw new UnknownEventContext(type);
  return topic;
}

/**
 * The contexts whose events share this topic: a stream may hold events of any of them, since
 * Kafka keeps order only within one topic's partition.
 */
export function contextsOnTopic(topic: TopicName): string[] {
  return Object.entries(TOPIC_OF_CONTEXT).flatMap(([context, t]) => (t === topic ? [context] : []));
}
