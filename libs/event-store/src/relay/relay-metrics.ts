import { Counter, Gauge, type Registry } from 'prom-client';

export interface RelayMetrics {
  relayed(topic: string, count: number): void;
  /** Seconds between the last relayed event's occurrence and now; 0 once caught up. */
  lag(seconds: number): void;
}

export const NO_RELAY_METRICS: RelayMetrics = { relayed: () => undefined, lag: () => undefined };

const RELAYED = 'circle_relay_events_total';
const LAG = 'circle_relay_lag_seconds';

/** Reuses the instruments when a second relay in the process registers with the same registry. */
export function prometheusRelayMetrics(registry: Registry, relayName: string): RelayMetrics {
  const relayed =
    (registry.getSingleMetric(RELAYED) as Counter<'relay' | 'topic'> | undefined) ??
    new Counter({
      name: RELAYED,
      help: 'Events the outbox relay published to Kafka (at least once)',
      labelNames: ['relay', 'topic'],
      registers: [registry],
    });
  const lag =
    (registry.getSingleMetric(LAG) as Gauge<'relay'> | undefined) ??
    new Gauge({
      name: LAG,
      help: 'Age of the last event the outbox relay published; 0 when nothing waits',
      labelNames: ['relay'],
      registers: [registry],
    });
  return {
    relayed: (topic, count) => relayed.inc({ relay: relayName, topic }, count),
    lag: (seconds) => lag.set({ relay: relayName }, seconds),
  };
}
