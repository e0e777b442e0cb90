import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import {
  NOTIFICATION_SETTINGS,
  PROVIDER_NAMES,
  type NotificationSettings,
  type ProviderName,
} from '../settings/notification-settings';
import { SMS_QUEUE_PREFIX, bullConnection } from './queue-prefix';
import { MessageToSchedule, jobData, jobOptions, queueNameOf } from './sms-job';

/** The BullMQ queues of every provider, and adding messages to the configured one. */
@Injectable()
export class SmsQueues implements OnApplicationShutdown {
  private readonly queues = new Map<ProviderName, Queue>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SMS_QUEUE_PREFIX) readonly prefix: string,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {
    for (const provider of PROVIDER_NAMES)
      this.queues.set(
        provider,
        new Queue(queueNameOf(provider), { connection: bullConnection(config.redisUrl), prefix }),
      );
  }

  /** The queue messages go to now: the configured provider's. */
  get current(): Queue {
    return this.of(this.settings.provider);
  }

  of(provider: ProviderName): Queue {
    const queue = this.queues.get(provider);
    if (!queue) throw new Error(`no queue for provider ${provider}`);
    return queue;
  }

  all(): [ProviderName, Queue][] {
    return [...this.queues.entries()];
  }

  async add(messages: readonly MessageToSchedule[], now: Date): Promise<void> {
    if (messages.length === 0) return;
    await this.current.addBulk(
      messages.map((m) => ({
        name: 'sms',
        data: jobData(m),
        opts: jobOptions(m, this.settings, now),
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
