import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { summarise } from './stats';

export interface BullmqBaseline {
  readonly perSecond: number;
  readonly p99Ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Raw BullMQ on the same Redis: jobs added in bulk with their own ids, as the notifier adds
 * them, taken by one worker of the same concurrency that does nothing with them. What the
 * notifier's figures are read against: the queue's own cost, nothing of PostgreSQL or Kafka.
 * `rate` 0 adds `count` jobs at once (capacity); otherwise it offers `rate` a second in tenths
 * of a second, as the sustained run does (latency).
 */
export async function rawBullmq(
  redisUrl: string,
  options: { count: number; concurrency: number; rate: number },
): Promise<BullmqBaseline> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = `bench-raw-${randomUUID().slice(0, 8)}`;
  const queue = new Queue('raw', { connection, prefix });
  const latencies: number[] = [];
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker(
    'raw',
    async (job) => {
      latencies.push(Date.now() - (job.data as { at: number }).at);
      if (latencies.length === options.count) finished();
    },
    { connection, prefix, concurrency: options.concurrency },
  );
  await worker.waitUntilReady();
  const started = performance.now();
  const step = options.rate > 0 ? Math.round(options.rate / 10) : 500;
  for (let sent = 0, tick = 0; sent < options.count; sent += step, tick++) {
    const jobs = Array.from({ length: Math.min(step, options.count - sent) }, () => ({
      name: 'sms',
      data: { at: Date.now() },
      opts: { jobId: randomUUID(), removeOnComplete: { count: 20_000 } },
    }));
    await queue.addBulk(jobs);
    const next = started + (tick + 1) * 100;
    if (options.rate > 0 && next > performance.now()) await sleep(next - performance.now());
  }
  await allDone;
  const elapsed = performance.now() - started;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return { perSecond: (options.count / elapsed) * 1_000, p99Ms: summarise(latencies).p99 };
}
