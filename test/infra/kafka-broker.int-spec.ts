import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Admin } from 'kafkajs';
import { ensureTopics } from '../../libs/platform/src/kafka/ensure-topics';
import { TOPICS, TOPIC_PARTITIONS, type TopicSpec } from '../../libs/platform/src/kafka/topics';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const root = join(__dirname, '..', '..');
const pidFile = join(root, '.run', 'kafka.pid');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

function infraUp(): void {
  execFileSync('bash', [join(root, 'scripts', 'infra.sh'), 'up'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 150_000,
  });
}

function readPid(): string | undefined {
  return existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : undefined;
}

describe('local Kafka broker (scripts/infra.sh)', () => {
  const kafka = new Kafka({
    clientId: 'kafka-broker-int-spec',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  let admin: Admin;

  beforeAll(async () => {
    infraUp();
    admin = kafka.admin();
    await admin.connect();
  }, 180_000);

  afterAll(async () => {
    await admin?.disconnect();
  });

  it('has every project topic with the partition count from topics.json', async () => {
    const existing = new Set(await admin.listTopics());
    for (const topic of TOPICS) expect(existing).toContain(topic);

    const { topics } = await admin.fetchTopicMetadata({ topics: [...TOPICS] });
    for (const t of topics) {
      expect(t.partitions).toHaveLength(TOPIC_PARTITIONS[t.name as (typeof TOPICS)[number]]);
      for (const p of t.partitions) expect(p.leader).toBeGreaterThanOrEqual(0);
    }
  });

  it('does not auto-create topics: producing to an unknown topic fails', async () => {
    const unknown = `circle.autocreate-probe-${randomUUID()}`;
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 },
    });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: unknown, messages: [{ key: 'k', value: 'v' }] }),
      ).rejects.toThrow();
    } finally {
      await producer.disconnect();
    }
    expect(await admin.listTopics()).not.toContain(unknown);
  });

  it('ensureTopics is idempotent and creates what is missing', async () => {
    const again = await ensureTopics(brokers);
    expect(again.created).toEqual([]);
    expect([...again.existing].sort()).toEqual([...TOPICS].sort());

    // The name is outside TopicName on purpose: a topic guaranteed not to exist yet.
    const extra = {
      name: `circle.ensure-probe-${randomUUID()}`,
      partitions: 2,
      replicationFactor: 1,
    } as unknown as TopicSpec;
    try {
      const first = await ensureTopics(brokers, undefined, { topics: [extra] });
      expect(first.created).toEqual([extra.name]);
      const { topics } = await admin.fetchTopicMetadata({ topics: [extra.name] });
      expect(topics[0].partitions).toHaveLength(2);
      const second = await ensureTopics(brokers, undefined, { topics: [extra] });
      expect(second.created).toEqual([]);
    } finally {
      await admin.deleteTopics({ topics: [extra.name] }).catch(() => undefined);
    }
  });

  it('`infra.sh up` a second time keeps the running broker, quickly', () => {
    const before = readPid();
    const started = Date.now();
    infraUp();
    const elapsed = Date.now() - started;
    expect(readPid()).toBe(before);
    if (before !== undefined) {
      expect(() => process.kill(Number(before), 0)).not.toThrow();
    }
    expect(elapsed).toBeLessThan(3_000);
  });
});
