import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import { retryDelayMs } from '../domain/retry-backoff';
import { SMS_QUEUE_PREFIX, bullConnection } from '../queue/queue-prefix';
import { queueNameOf, type SmsJobData } from '../queue/sms-job';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { SendMessage } from './send-message';
import type { Verdict } from './verdict';

/**
 * The BullMQ worker of the configured provider's queue: concurrency, the provider's rate limit
 * and the retry backoff from configuration. A worker that dies mid-job loses its lock after
 * `SMS_LOCK_MS`; the job then runs again and finds its message marked in PostgreSQL.
 */
@Injectable()
export class SmsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsWorker');
  private worker: Worker<SmsJobData> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SMS_QUEUE_PREFIX) private readonly prefix: string,
    private readonly sendMessage: SendMessage,
  ) {}

  onApplicationBootstrap(): void {
    const { settings } = this;
    this.worker = new Worker<SmsJobData>(
      queueNameOf(settings.provider),
      (job, token) => this.process(job, token),
      {
        connection: bullConnection(this.config.redisUrl),
        prefix: this.prefix,
        concurrency: settings.concurrency,
        ...(settings.ratePerSecond > 0
          ? { limiter: { max: settings.ratePerSecond, duration: 1_000 } }
          : {}),
        lockDuration: settings.lockMs,
        stalledInterval: Math.max(1_000, Math.round(settings.lockMs / 2)),
        maxStalledCount: 5,
        settings: { backoffStrategy: (made: number) => retryDelayMs(made, settings.backoff) },
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`queue link: ${error.message}`));
  }

  private async process(job: Job<SmsJobData>, token: string | undefined): Promise<string> {
    const verdict = await this.sendMessage.send(job.data, {
      made: job.attemptsMade,
      allowed: job.opts.attempts ?? 1,
    });
    return this.tellBullmq(job, token, verdict);
  }

  private async tellBullmq(
    job: Job<SmsJobData>,
    token: string | undefined,
    verdict: Verdict,
  ): Promise<string> {
    switch (verdict.kind) {
      case 'done':
        return verdict.status;
      case 'hold':
        await job.moveToDelayed(verdict.until.getTime(), token);
        throw new DelayedError();
      case 'pause':
        await this.worker?.rateLimit(verdict.ms);
        throw Worker.RateLimitError();
      case 'retry':
        throw new Error(verdict.reason);
      case 'fail':
        throw new UnrecoverableError(verdict.reason);
    }
  }

  /** Before the links close: a job or batch in hand finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
