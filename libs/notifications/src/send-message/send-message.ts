import { Inject, Injectable, Logger } from '@nestjs/common';
import { SMS_CLOCK, type Clock } from '../clock';
import { maskPhone } from '../domain/phone';
import { releaseTime } from '../domain/quiet-hours';
import { SmsMetrics } from '../metrics/sms-metrics';
import { SMS_PROVIDER, type ProviderOutcome, type SmsProvider } from '../providers/sms-provider';
import type { SmsJobData } from '../queue/sms-job';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { SmsMessages, type Claim, type ClaimedMessage } from '../store/sms-messages';
import { ProviderBreaker } from './provider-breaker';
import type { Attempt, Verdict } from './verdict';

/**
 * Sends one queued message through the provider, at most once. Order matters: the quiet-hours
 * and circuit checks spend nothing; the claim marks the attempt in PostgreSQL before the call,
 * so a message found marked but unanswered is known to have perhaps gone out. Such a message is
 * sent again only through a provider that drops repeats of its message id; otherwise it is
 * settled as failed rather than risk a second text.
 */
@Injectable()
export class SendMessage {
  private readonly logger = new Logger('SendMessage');

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
    private readonly messages: SmsMessages,
    private readonly breaker: ProviderBreaker,
    private readonly metrics: SmsMetrics,
  ) {}

  async send(job: SmsJobData, attempt: Attempt): Promise<Verdict> {
    const now = this.clock.now();
    if (!job.urgent) {
      const release = releaseTime(this.settings.quietHours, now);
      if (release > now) return { kind: 'hold', until: release };
    }
    if (this.breaker.isOpen(now)) return { kind: 'pause', ms: this.breaker.waitMs(now) };
    const claim = await this.messages.claim(job.messageId, now);
    if (claim.kind !== 'claimed') return this.withoutSending(job.messageId, claim, now);
    if (claim.afterUnknownOutcome && !this.provider.dedupes)
      return this.giveUp(
        claim.message,
        'failed',
        'an earlier attempt was interrupted; it may have been sent',
        'unknown-outcome',
      );
    if (!this.breaker.allows(now)) {
      await this.messages.release(job.messageId, claim.afterUnknownOutcome, now);
      return { kind: 'pause', ms: Math.max(50, this.breaker.waitMs(now)) };
    }
    const outcome = await this.provider.send(claim.message);
    return this.record(claim.message, outcome, attempt);
  }

  private async withoutSending(
    messageId: string,
    claim: Exclude<Claim, { kind: 'claimed' }>,
    now: Date,
  ): Promise<Verdict> {
    if (claim.kind === 'opted-out') {
      await this.messages.settle(messageId, 'rejected', 'the recipient opted out', now);
      this.metrics.skipped.inc({ reason: 'opted-out' });
      return { kind: 'done', status: 'rejected' };
    }
    if (claim.kind === 'unknown') {
      this.logger.warn(`message ${messageId} has no record; nothing sent`);
      this.metrics.skipped.inc({ reason: 'unknown-message' });
      return { kind: 'done', status: 'unknown' };
    }
    this.metrics.skipped.inc({ reason: 'already-settled' });
    return { kind: 'done', status: claim.status };
  }

  private async record(
    message: ClaimedMessage,
    outcome: ProviderOutcome,
    attempt: Attempt,
  ): Promise<Verdict> {
    const now = this.clock.now();
    const provider = this.provider.name;
    if (outcome.kind === 'accepted') {
      this.breaker.succeeded();
      const status = outcome.delivered ? 'delivered' : 'sent';
      await this.messages.markSent(message.messageId, status, outcome.providerMessageId, now);
      this.metrics.sent.inc({ provider });
      this.metrics.eventToProvider.observe(
        { provider },
        (now.getTime() - message.eventAt.getTime()) / 1000,
      );
      return { kind: 'done', status };
    }
    if (outcome.kind === 'permanent') {
      this.breaker.succeeded();
      return this.giveUp(message, outcome.status, outcome.reason, 'permanent');
    }
    this.breaker.failed(now);
    return this.retryOrGiveUp(message, outcome, attempt, now);
  }

  private async retryOrGiveUp(
    message: ClaimedMessage,
    outcome: Extract<ProviderOutcome, { kind: 'retryable' }>,
    attempt: Attempt,
    now: Date,
  ): Promise<Verdict> {
    this.metrics.failed.inc({ provider: this.provider.name, kind: 'retryable' });
    if (outcome.maybeSent && !this.provider.dedupes)
      return this.giveUp(
        message,
        'failed',
        `${outcome.reason}; it may have been sent`,
        'unknown-outcome',
      );
    if (attempt.made + 1 >= attempt.allowed)
      return this.giveUp(
        message,
        'failed',
        `gave up after ${attempt.allowed} attempts: ${outcome.reason}`,
        'gave-up',
      );
    if (outcome.maybeSent)
      await this.messages.markUnanswered(message.messageId, outcome.reason, now);
    else await this.messages.markWaiting(message.messageId, outcome.reason, now);
    this.logger.warn(
      `message ${message.messageId} to ${maskPhone(message.phone)}: ${outcome.reason}; will retry`,
    );
    return { kind: 'retry', reason: outcome.reason };
  }

  private async giveUp(
    message: ClaimedMessage,
    status: 'failed' | 'rejected',
    reason: string,
    kind: 'permanent' | 'gave-up' | 'unknown-outcome',
  ): Promise<Verdict> {
    await this.messages.settle(message.messageId, status, reason, this.clock.now());
    this.metrics.failed.inc({ provider: this.provider.name, kind });
    this.logger.warn(
      `message ${message.messageId} to ${maskPhone(message.phone)} ${status}: ${reason}`,
    );
    return { kind: 'fail', reason };
  }
}
