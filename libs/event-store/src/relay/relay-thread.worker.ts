import { parentPort, workerData } from 'node:worker_threads';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { OutboxRelay } from './outbox-relay';
import type { RelayMetrics } from './relay-metrics';
import type { RelayThreadJob, RelayThreadOrder, RelayThreadReport } from './relay-thread.messages';

const LEADING_CHECK_MS = 200;
/**
 * Counts go to the app at most this often: each message wakes its main thread, and a pass
 * every few milliseconds would wake it hundreds of times a second for a scrape every 15 s.
 */
const REPORT_EVERY_MS = 250;

/** The relay's loop on its own thread, reporting to the app that started it. */
function run(job: RelayThreadJob, port: NonNullable<typeof parentPort>): void {
  const post = (report: RelayThreadReport) => port.postMessage(report);
  const logger = {
    log: (message: string) => post({ kind: 'log', level: 'log', message }),
    warn: (message: string) => post({ kind: 'log', level: 'warn', message }),
    error: (message: string) => post({ kind: 'log', level: 'error', message }),
  };
  const counts = new CountsToReport(post);
  const relay = new OutboxRelay({
    databaseUrl: job.databaseUrl,
    publisher: new KafkaEventPublisher(job.brokers, job.clientId, logger),
    name: job.name,
    startAt: job.startAt,
    logger,
    metrics: counts,
  });
  let leading = false;
  const watch = setInterval(() => {
    if (relay.leading === leading) return;
    leading = relay.leading;
    post({ kind: 'leading', leading });
  }, LEADING_CHECK_MS);
  port.on('message', (order: RelayThreadOrder) => {
    if (order.kind !== 'stop') return;
    clearInterval(watch);
    relay
      .stop()
      .catch((error: unknown) =>
        logger.error(`relay ${job.name} did not stop cleanly: ${String(error)}`),
      )
      .finally(() => {
        counts.report();
        post({ kind: 'stopped' });
        port.close();
      });
  });
  relay.start();
}

/** The relay's counts and lag, gathered and posted together once per interval. */
class CountsToReport implements RelayMetrics {
  private readonly relayedByTopic = new Map<string, number>();
  private lastLag: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly post: (report: RelayThreadReport) => void) {}

  relayed(topic: string, count: number): void {
    this.relayedByTopic.set(topic, (this.relayedByTopic.get(topic) ?? 0) + count);
    this.reportSoon();
  }

  lag(seconds: number): void {
    this.lastLag = seconds;
    this.reportSoon();
  }

  report(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [topic, count] of this.relayedByTopic) this.post({ kind: 'relayed', topic, count });
    this.relayedByTopic.clear();
    if (this.lastLag !== undefined) this.post({ kind: 'lag', seconds: this.lastLag });
    this.lastLag = undefined;
  }

  private reportSoon(): void {
    this.timer ??= setTimeout(() => this.report(), REPORT_EVERY_MS);
  }
}

if (parentPort) run(workerData as RelayThreadJob, parentPort);
