import { Kafka, logLevel, type Admin, type ITopicMetadata } from 'kafkajs';
import { TOPIC_SPECS, type TopicSpec } from './topics';

/** Structural, so a NestJS `Logger`, pino or `console` all fit. */
export interface EnsureTopicsLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface EnsureTopicsOptions {
  /** Defaults to every topic in topics.json. */
  topics?: readonly TopicSpec[];
  clientId?: string;
  /** Upper bound for creating the topics and for their leaders to be elected. */
  timeoutMs?: number;
}

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
}

const silentLogger: EnsureTopicsLogger = { log: () => undefined, warn: () => undefined };

/**
 * Creates whichever project topics are missing and proves they all exist with a leader.
 * Brokers run with auto.create.topics.enable=false, so this is the only way topics appear;
 * it is safe to call from every process at start-up, concurrently.
 */
export async function ensureTopics(
  brokers: string[],
  logger: EnsureTopicsLogger = silentLogger,
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const specs = options.topics ?? TOPIC_SPECS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const kafka = new Kafka({
    clientId: options.clientId ?? 'service-circle-topics',
    brokers,
    logLevel: logLevel.ERROR,
    connectionTimeout: 5_000,
    requestTimeout: timeoutMs,
    retry: { retries: 5 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !present.has(s.name));
    const existing = specs.filter((s) => present.has(s.name)).map((s) => s.name);
    if (missing.length > 0) {
      // Another process may create the same topics between listTopics and here; kafkajs then
      // answers false instead of throwing, and the check below still has the final word.
      await admin.createTopics({
        waitForLeaders: true,
        timeout: timeoutMs,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: s.replicationFactor,
        })),
      });
      logger.log(`Kafka topics created: ${missing.map((s) => s.name).join(', ')}`);
    }
    await verifyTopics(admin, specs, logger, timeoutMs);
    return { created: missing.map((s) => s.name), existing };
  } finally {
    await admin.disconnect();
  }
}

async function verifyTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  logger: EnsureTopicsLogger,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const present = new Set(await admin.listTopics());
    const absent = specs.filter((s) => !present.has(s.name)).map((s) => s.name);
    let leaderless: string[] = [];
    let metadata: ITopicMetadata[] = [];
    if (absent.length === 0) {
      ({ topics: metadata } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) }));
      leaderless = metadata
        .filter((t) => t.partitions.some((p) => p.leader < 0))
        .map((t) => t.name);
    }
    if (absent.length === 0 && leaderless.length === 0) {
      for (const spec of specs) {
        const actual = metadata.find((t) => t.name === spec.name)?.partitions.length ?? 0;
        // Growing partitions would move keys to other partitions and break per-stream order,
        // so a mismatch is reported rather than "fixed".
        if (actual !== spec.partitions) {
          logger.warn(
            `Kafka topic ${spec.name} has ${actual} partitions, topics.json says ${spec.partitions}`,
          );
        }
      }
      return;
    }
    if (Date.now() > deadline) {
      const parts = [
        absent.length ? `missing: ${absent.join(', ')}` : '',
        leaderless.length ? `without leader: ${leaderless.join(', ')}` : '',
      ].filter(Boolean);
      throw new Error(`Kafka topics not ready (${parts.join('; ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
