import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Summary } from 'prom-client';
import { MetricsRegistry } from '@circle/platform';

export type SkipReason =
  | 'no-phone'
  | 'not-a-mobile'
  | 'stale'
  | 'malformed'
  | 'opted-out'
  | 'already-settled'
  | 'unknown-message';

export type FailureKind = 'retryable' | 'permanent' | 'gave-up' | 'unknown-outcome';

/** The notifier's figures on /metrics, beside the platform's. */
@Injectable()
export class SmsMetrics {
  readonly queued: Counter;
  readonly sent: Counter<'provider'>;
  readonly failed: Counter<'provider' | 'kind'>;
  readonly skipped: Counter<'reason'>;
  readonly eventToProvider: Summary<'provider'>;
  readonly circuitOpen: Gauge<'provider'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.queued = new Counter({
      name: 'sms_messages_queued_total',
      help: 'Messages written and handed to BullMQ',
      registers,
    });
    this.sent = new Counter({
      name: 'sms_messages_sent_total',
      help: 'Messages a provider accepted',
      labelNames: ['provider'],
      registers,
    });
    this.failed = new Counter({
      name: 'sms_messages_failed_total',
      help: 'Provider calls that failed: retryable, permanent, given up after the last attempt, or of unknown outcome',
      labelNames: ['provider', 'kind'],
      registers,
    });
    this.skipped = new Counter({
      name: 'sms_messages_skipped_total',
      help: 'Events or jobs that sent nothing, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.eventToProvider = new Summary({
      name: 'sms_event_to_provider_seconds',
      help: "From the business event's time to the provider's acceptance",
      labelNames: ['provider'],
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers,
    });
    this.circuitOpen = new Gauge({
      name: 'sms_provider_circuit_open',
      help: '1 while the circuit breaker of a provider keeps messages from it',
      labelNames: ['provider'],
      registers,
    });
  }
}
