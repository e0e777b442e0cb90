#!/usr/bin/env node
// Creates the project's Kafka topics (auto-create is off on every broker we run).
// Plain CommonJS on purpose: infra.sh calls it before anything is compiled, so it reads
// topics.json, the list libs/platform/src/kafka/topics.ts also reads, instead of the TS code.
'use strict';

const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');

const spec = require(path.join(__dirname, '..', 'libs', 'platform', 'src', 'kafka', 'topics.json'));

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const timeoutMs = Number(process.env.KAFKA_TOPICS_TIMEOUT_MS || 30000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const kafka = new Kafka({
    clientId: 'service-circle-create-topics',
    brokers,
    logLevel: logLevel.ERROR,
    connectionTimeout: 5000,
    requestTimeout: timeoutMs,
    retry: { retries: 5 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = spec.topics.filter((t) => !present.has(t.name));
    if (missing.length > 0) {
      // A concurrent creator makes kafkajs answer false rather than throw; the check below decides.
      await admin.createTopics({
        waitForLeaders: true,
        timeout: timeoutMs,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: spec.replicationFactor,
        })),
      });
    }

    const names = spec.topics.map((t) => t.name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = new Set(await admin.listTopics());
      const absent = names.filter((n) => !now.has(n));
      let leaderless = [];
      let metadata = [];
      if (absent.length === 0) {
        metadata = (await admin.fetchTopicMetadata({ topics: names })).topics;
        leaderless = metadata
          .filter((t) => t.partitions.some((p) => p.leader < 0))
          .map((t) => t.name);
      }
      if (absent.length === 0 && leaderless.length === 0) {
        for (const t of spec.topics) {
          const actual = metadata.find((m) => m.name === t.name).partitions.length;
          if (actual !== t.partitions) {
            console.warn(
              `warning: ${t.name} has ${actual} partitions, topics.json says ${t.partitions}`,
            );
          }
        }
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `topics not ready after ${timeoutMs} ms (missing: ${absent.join(', ') || '-'}; ` +
            `without leader: ${leaderless.join(', ') || '-'})`,
        );
      }
      await sleep(250);
    }

    const created = missing.map((t) => t.name);
    console.log(
      created.length > 0
        ? `Kafka topics created: ${created.join(', ')} (${names.length} in all, on ${brokers.join(',')})`
        : `Kafka topics present: ${names.join(', ')}`,
    );
  } finally {
    await admin.disconnect();
  }
}

main().catch((err) => {
  console.error(
    `create-topics failed against ${brokers.join(',')}: ${err && err.message ? err.message : err}`,
  );
  process.exit(1);
});
