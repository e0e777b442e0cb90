import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RelayLogger } from './event-publisher';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { OutboxRelay } from './outbox-relay';
import type { RelayMetrics } from './relay-metrics';
import type { RelayThreadJob, RelayThreadOrder, RelayThreadReport } from './relay-thread.messages';

const WORKER_FILE = join(__dirname, 'relay-thread.worker.js');
const RESTART_MS = 1_000;
const STOP_TIMEOUT_MS = 15_000;

/** A relay as the app sees it, wherever its loop runs. */
export interface RunningRelay {
  readonly leading: boolean;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs the outbox relay on a worker thread of the app. Encoding a full batch of Kafka records
 * takes tens of milliseconds of CPU; on the app's own event loop that time would be added to
 * the clerks' requests waiting behind it. The thread reports leadership, counts and log lines
 * back; if it dies it is started again and resumes from the checkpoint like any relay.
 *
 * Compiled code has the worker file beside this one. Run from TypeScript sources (in-process
 * tests) there is none, and the relay then runs on the app's thread, the same code either way.
 */
export function startableRelay(
  job: RelayThreadJob,
  metrics: RelayMetrics,
  logger: RelayLogger,
): RunningRelay {
  if (existsSync(WORKER_FILE)) return new RelayThread(job, metrics, logger);
  return new OutboxRelay({
    ...job,
    publisher: new KafkaEventPublisher(job.brokers, job.clientId, logger),
    metrics,
    logger,
  });
}

class RelayThread implements RunningRelay {
  private worker?: Worker;
  private isLeading = false;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly job: RelayThreadJob,
    private readonly metrics: RelayMetrics,
    private readonly logger: RelayLogger,
  ) {}

  get leading(): boolean {
    return this.isLeading;
  }

  start(): void {
    this.stopping = false;
    if (this.worker) return;
    const worker = new Worker(WORKER_FILE, { workerData: this.job });
    this.worker = worker;
    worker.on('message', (report: RelayThreadReport) => this.take(report));
    worker.on('error', (error) => {
      this.logger.error(`relay ${this.job.name}: thread failed: ${error.message}`);
    });
    worker.on('exit', () => {
      this.worker = undefined;
      this.isLeading = false;
      if (this.stopping) return;
      this.logger.warn(`relay ${this.job.name}: thread ended; starting it again`);
      this.restartTimer = setTimeout(() => this.start(), RESTART_MS);
    });
  }

  /** Lets the batch in hand finish on the thread, which then releases the lock and ends. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const order: RelayThreadOrder = { kind: 'stop' };
    worker.postMessage(order);
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await ended;
    clearTimeout(timeout);
  }

  private take(report: RelayThreadReport): void {
    switch (report.kind) {
      case 'leading':
        this.isLeading = report.leading;
        return;
      case 'relayed':
        this.metrics.relayed(report.topic, report.count);
        return;
      case 'lag':
        this.metrics.lag(report.seconds);
        return;
      case 'log':
        this.logger[report.level](report.message);
        return;
      case 'stopped':
        this.isLeading = false;
        return;
    }
  }
}
