import { parentPort, workerData } from 'node:worker_threads';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { OutboxRelay } from './outbox-relay';
import type { RelayThreadJob, RelayThreadOrder, RelayThreadReport } from './relay-thread.messages';

const LEADING_CHECK_MS = 200;

/** The relay's loop on its own thread, reporting to the app that started it. */
function run(job: RelayThreadJob, port: NonNullable<typeof parentPort>): void {
  const post = (report: RelayThreadReport) => port.postMessage(report);
  const logger = {
    log: (message: string) => post({ kind: 'log', level: 'log', message }),
    warn: (message: string) => post({ kind: 'log', level: 'warn', message }),
    error: (message: string) => post({ kind: 'log', level: 'error', message }),
  };
  const relay = new OutboxRelay({
    databaseUrl: job.databaseUrl,
    publisher: new KafkaEventPublisher(job.brokers, job.clientId, logger),
    name: job.name,
    startAt: job.startAt,
    logger,
    metrics: {
      relayed: (topic, count) => post({ kind: 'relayed', topic, count }),
      lag: (seconds) => post({ kind: 'lag', seconds }),
    },
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
        post({ kind: 'stopped' });
        port.close();
      });
  });
  relay.start();
}

if (parentPort) run(workerData as RelayThreadJob, parentPort);
