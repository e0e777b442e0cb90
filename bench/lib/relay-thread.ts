import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { KafkaEventPublisher, OutboxRelay } from '@circle/event-store';

export interface RelayJob {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly name: string;
  readonly batchSize: number;
  readonly idleMs: number;
}

type RelayReport =
  | { readonly kind: 'leading' }
  | { readonly kind: 'relayed'; readonly relayed: number }
  | { readonly kind: 'stopped'; readonly relayed: number; readonly batchAgesMs: number[] }
  | { readonly kind: 'failed'; readonly error: string };

export interface RelayThread {
  /** Events Kafka has acknowledged so far, as last reported (twice a second). */
  readonly relayed: () => number;
  /** Stops after the batch in hand; the age of every published batch's last event, in ms. */
  stop(): Promise<{ relayed: number; batchAgesMs: number[] }>;
}

/**
 * The relay runs as a process of its own in production. Here it gets a thread of its own, so
 * encoding a batch of Kafka records (tens of milliseconds of CPU) does not stall the
 * projection's round trips to PostgreSQL on a shared event loop.
 */
export async function startRelayThread(job: RelayJob): Promise<RelayThread> {
  const worker = new Worker(__filename, { workerData: job });
  let relayed = 0;
  let stopped: ((result: { relayed: number; batchAgesMs: number[] }) => void) | undefined;
  let failed: ((error: Error) => void) | undefined;
  const leading = new Promise<void>((resolve, reject) => {
    failed = reject;
    worker.on('message', (report: RelayReport) => {
      if (report.kind === 'leading') resolve();
      else if (report.kind === 'relayed') relayed = report.relayed;
      else if (report.kind === 'stopped') stopped?.(report);
      else failed?.(new Error(`relay thread: ${report.error}`));
    });
    worker.once('error', (error) => failed?.(error));
  });
  await leading;
  return {
    relayed: () => relayed,
    stop: () =>
      new Promise((resolve, reject) => {
        stopped = resolve;
        failed = reject;
        worker.postMessage('stop');
      }),
  };
}

async function relayUntilStopped(job: RelayJob, port: NonNullable<typeof parentPort>) {
  const post = (report: RelayReport) => port.postMessage(report);
  let relayed = 0;
  const batchAgesMs: number[] = [];
  const relay = new OutboxRelay({
    databaseUrl: job.databaseUrl,
    publisher: new KafkaEventPublisher(job.brokers, 'bench-relay'),
    name: job.name,
    startAt: 'end',
    batchSize: job.batchSize,
    idleMs: job.idleMs,
    logger: { log: () => undefined, warn: console.warn, error: console.error },
    metrics: {
      relayed: (_topic, count) => (relayed += count),
      lag: (seconds) => batchAgesMs.push(seconds * 1000),
    },
  });
  relay.start();
  while (!relay.leading) await new Promise((resolve) => setTimeout(resolve, 20));
  post({ kind: 'leading' });
  const ticker = setInterval(() => post({ kind: 'relayed', relayed }), 500);
  port.once('message', () => {
    clearInterval(ticker);
    relay.stop().then(
      () => {
        post({ kind: 'stopped', relayed, batchAgesMs });
        port.close();
      },
      (error: unknown) => post({ kind: 'failed', error: String(error) }),
    );
  });
}

if (!isMainThread && parentPort)
  relayUntilStopped(workerData as RelayJob, parentPort).catch((error: unknown) =>
    parentPort?.postMessage({ kind: 'failed', error: String(error) }),
  );
