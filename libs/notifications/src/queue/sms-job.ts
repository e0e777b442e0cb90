import type { JobsOptions } from 'bullmq';
import type { NotificationSettings, ProviderName } from '../settings/notification-settings';

/** What a job carries: the message's key and what the worker decides on before reading it. */
export interface SmsJobData {
  readonly messageId: string;
  readonly urgent: boolean;
  readonly eventAt: string;
}

export interface MessageToSchedule {
  readonly messageId: string;
  readonly urgent: boolean;
  readonly eventAt: Date;
  readonly notBefore: Date | null;
}

/** One queue per provider: BullMQ's limiter is per queue, and the limit is the provider's. */
export const queueNameOf = (provider: ProviderName): string => `sms-${provider}`;

export const SMS_BACKOFF = 'sms-backoff';

/**
 * The job id is the message id, so BullMQ itself drops a second job for a message it still
 * holds; PostgreSQL catches the rest. The last 20,000 finished jobs of each outcome are kept for
 * the admins' view (and that cheap dedupe); the record of what was sent is PostgreSQL's.
 * "Your turn is near" goes to the head of the queue.
 */
export function jobOptions(
  message: MessageToSchedule,
  settings: Pick<NotificationSettings, 'attempts'>,
  now: Date,
): JobsOptions {
  const delay = message.notBefore ? Math.max(0, message.notBefore.getTime() - now.getTime()) : 0;
  return {
    jobId: message.messageId,
    attempts: settings.attempts,
    backoff: { type: SMS_BACKOFF },
    removeOnComplete: { count: 20_000 },
    removeOnFail: { count: 20_000 },
    ...(delay > 0 ? { delay } : {}),
    ...(message.urgent ? { lifo: true } : {}),
  };
}

export function jobData(message: MessageToSchedule): SmsJobData {
  return {
    messageId: message.messageId,
    urgent: message.urgent,
    eventAt: message.eventAt.toISOString(),
  };
}
