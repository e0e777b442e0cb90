import topicsFile from './topics.json';

/**
 * topics.json is the one list of topics: scripts/create-topics.js reads it before any
 * TypeScript is built. JSON imports widen names to `string`, so the literal tuple below exists
 * only to give the names a type; loading this module fails fast if the two ever drift apart.
 */
export const TOPICS = [
  'circle.walkins',
  'circle.enrollment',
  'circle.claims',
  'circle.settlement',
  'circle.stations',
  'circle.diagnostics',
  'circle.coverage',
] as const;

export type TopicName = (typeof TOPICS)[number];

export interface TopicSpec {
  readonly name: TopicName;
  readonly partitions: number;
  readonly replicationFactor: number;
}

assertMatchesFile();

export const TOPIC_REPLICATION_FACTOR: number = topicsFile.replicationFactor;

export const TOPIC_PARTITIONS: Readonly<Record<TopicName, number>> = Object.freeze(
  Object.fromEntries(topicsFile.topics.map((t) => [t.name, t.partitions])) as Record<
    TopicName,
    number
  >,
);

export const TOPIC_SPECS: readonly TopicSpec[] = Object.freeze(
  TOPICS.map((name) => ({
    name,
    partitions: TOPIC_PARTITIONS[name],
    replicationFactor: TOPIC_REPLICATION_FACTOR,
  })),
);

export function isTopicName(value: string): value is TopicName {
  return (TOPICS as readonly string[]).includes(value);
}

function assertMatchesFile(): void {
  const fromFile = topicsFile.topics.map((t) => t.name);
  const same = fromFile.length === TOPICS.length && fromFile.every((name, i) => name === TOPICS[i]);
  if (!same) {
    throw new Error(
      `topics.ts and topics.json disagree: [${TOPICS.join(', ')}] vs [${fromFile.join(', ')}]`,
    );
  }
  for (const t of topicsFile.topics) {
    if (!Number.isInteger(t.partitions) || t.partitions < 1) {
      throw new Error(`topics.json: ${t.name} needs a positive integer partition count`);
    }
  }
  const rf = topicsFile.replicationFactor;
  if (!Number.isInteger(rf) || rf < 1) {
    throw new Error('topics.json: replicationFactor must be a positive integer');
  }
}
