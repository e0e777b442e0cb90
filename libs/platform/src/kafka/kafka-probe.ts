import { Kafka, logLevel } from 'kafkajs';

/**
 * Asks the cluster who its brokers are, with a fresh short-lived client each time:
 * a long-lived admin would keep reporting a broker that came back as still gone.
 */
export async function probeKafka(brokers: readonly string[], timeoutMs: number): Promise<number> {
  const kafka = new Kafka({
    clientId: 'service-circle-health',
    brokers: [...brokers],
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
