import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthParts } from '@circle/platform';
import type { Clock } from '../clock';
import { SMS_CLOCK } from '../clock';
import { CircuitBreaker } from '../domain/circuit-breaker';
import { SmsMetrics } from '../metrics/sms-metrics';
import { SMS_PROVIDER, type SmsProvider } from '../providers/sms-provider';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';

/**
 * The circuit breaker of the configured provider, as /health and /metrics show it. An open
 * circuit makes the notifier `degraded`, not down: messages keep queueing and wait.
 */
@Injectable()
export class ProviderBreaker implements OnModuleInit {
  private readonly breaker: CircuitBreaker;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
    private readonly metrics: SmsMetrics,
    private readonly health: HealthParts,
  ) {
    this.breaker = new CircuitBreaker(settings.breaker);
  }

  onModuleInit(): void {
    this.metrics.circuitOpen.set({ provider: this.provider.name }, 0);
    this.health.add('sms-provider', () => {
      const state = this.breaker.state(this.clock.now().getTime());
      return {
        status: state === 'closed' ? 'up' : 'degraded',
        details: { provider: this.provider.name, circuit: state },
      };
    });
  }

  /** Whether the circuit is open now, without taking the half-open trial. */
  isOpen(now: Date): boolean {
    return this.breaker.state(now.getTime()) === 'open';
  }

  /** Takes the right to call the provider now (the one trial, when half-open). */
  allows(now: Date): boolean {
    return this.breaker.allows(now.getTime());
  }

  waitMs(now: Date): number {
    return this.breaker.waitMs(now.getTime());
  }

  succeeded(): void {
    this.breaker.succeeded();
    this.metrics.circuitOpen.set({ provider: this.provider.name }, 0);
  }

  failed(now: Date): void {
    this.breaker.failed(now.getTime());
    const open = this.breaker.state(now.getTime()) !== 'closed';
    this.metrics.circuitOpen.set({ provider: this.provider.name }, open ? 1 : 0);
  }
}
