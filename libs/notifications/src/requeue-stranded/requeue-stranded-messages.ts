import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SMS_CLOCK, type Clock } from '../clock';
import { SmsQueues } from '../queue/sms-queue';
import { MessageLedger } from '../store/message-ledger';

const EVERY_MS = 30_000;
const UNTOUCHED_MS = 60_000;
const PER_SWEEP = 500;

/**
 * Gives BullMQ back any message PostgreSQL still has waiting but whose job is gone (Redis lost
 * it, or it failed in BullMQ without settling the record). A job still there is left alone: the
 * job id is the message id, so adding it again is harmless either way.
 */
@Injectable()
export class RequeueStrandedMessages implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RequeueStrandedMessages');
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    @Inject(SMS_CLOCK) private readonly clock: Clock,
    private readonly ledger: MessageLedger,
    private readonly queues: SmsQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many messages were queued again. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const now = this.clock.now();
      const stranded = await this.ledger.stranded(
        new Date(now.getTime() - UNTOUCHED_MS),
        PER_SWEEP,
      );
      let requeued = 0;
      for (const message of stranded) if (await this.requeue(message, now)) requeued++;
      if (stranded.length > 0)
        await this.ledger.touch(
          stranded.map((m) => m.messageId),
          now,
        );
      if (requeued > 0) this.logger.warn(`queued ${requeued} stranded message(s) again`);
      return requeued;
    } catch (error) {
      this.logger.warn(`sweep failed: ${String(error)}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async requeue(
    message: Parameters<SmsQueues['add']>[0][number],
    now: Date,
  ): Promise<boolean> {
    const job = await this.queues.current.getJob(message.messageId);
    if (!job) {
      await this.queues.add([message], now);
      return true;
    }
    if (await job.isFailed()) {
      await job.retry('failed');
      return true;
    }
    return false;
  }
}
