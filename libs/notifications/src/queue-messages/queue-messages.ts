import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StoredEvent } from '@circle/event-store';
import { SMS_CLOCK, type Clock } from '../clock';
import { MalformedEvent } from '../domain/event-fields';
import { DEFAULT_LANGUAGE, type Language } from '../domain/language';
import { noticeOf } from '../domain/notice-of-event';
import { releaseTime } from '../domain/quiet-hours';
import { renderMessage } from '../domain/render-message';
import type { SmsNotice } from '../domain/sms-notice';
import { SmsMetrics } from '../metrics/sms-metrics';
import { SmsQueues } from '../queue/sms-queue';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { SmsMessages, type MessageToQueue } from '../store/sms-messages';
import { SmsRecipients } from '../store/sms-recipients';
import { OpenedNotices } from './opened-notices';
import { TurnNearWatch } from './turn-near-watch';

/**
 * From a batch of business events to queued messages: the notices they ask for, worded in each
 * phone's language, written to PostgreSQL and then handed to BullMQ with the message id as the
 * job id. Only messages still waiting are handed over, so a replayed batch queues nothing new.
 */
@Injectable()
export class QueueMessages {
  private readonly logger = new Logger('QueueMessages');

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
    private readonly turnNear: TurnNearWatch,
    private readonly recipients: SmsRecipients,
    private readonly messages: SmsMessages,
    private readonly queues: SmsQueues,
    private readonly metrics: SmsMetrics,
    private readonly opened: OpenedNotices,
  ) {}

  async queueFor(events: readonly StoredEvent[]): Promise<number> {
    const now = this.clock.now();
    const oldest = now.getTime() - this.settings.maxEventAgeHours * 3_600_000;
    const fresh = events.filter((e) => e.occurredAt.getTime() >= oldest);
    if (fresh.length < events.length)
      this.metrics.skipped.inc({ reason: 'stale' }, events.length - fresh.length);
    const notices = [
      ...this.businessNotices(await this.opened.open(fresh)),
      ...(await this.turnNear.noticesFor(fresh, now)),
    ];
    if (notices.length === 0) return 0;
    const rows = await this.word(unique(notices), now);
    const waiting = new Set(await this.messages.record(rows, this.settings.provider, now));
    const toQueue = rows.filter((r) => waiting.has(r.messageId));
    await this.queues.add(toQueue, now);
    this.metrics.queued.inc(toQueue.length);
    return toQueue.length;
  }

  private businessNotices(events: readonly StoredEvent[]): SmsNotice[] {
    const notices: SmsNotice[] = [];
    for (const event of events) {
      try {
        const outcome = noticeOf(event);
        if ('notice' in outcome) notices.push(outcome.notice);
        else if (outcome.skipped !== 'not-a-result')
          this.metrics.skipped.inc({ reason: outcome.skipped });
      } catch (error) {
        if (!(error instanceof MalformedEvent)) throw error;
        this.logger.warn(`event ${event.eventId} sends nothing: ${error.message}`);
        this.metrics.skipped.inc({ reason: 'malformed' });
      }
    }
    return notices;
  }

  private async word(notices: readonly SmsNotice[], now: Date): Promise<MessageToQueue[]> {
    const languages = await this.recipients.languages([...new Set(notices.map((n) => n.phone))]);
    return notices.map((notice) => {
      const language: Language = languages.get(notice.phone) ?? DEFAULT_LANGUAGE;
      const { text, segments } = renderMessage(notice, language);
      const release = notice.urgent ? now : releaseTime(this.settings.quietHours, now);
      return {
        messageId: notice.messageId,
        eventId: notice.eventId,
        eventType: notice.eventType,
        eventAt: notice.eventAt,
        phone: notice.phone,
        language,
        text,
        parts: segments.parts.length,
        urgent: notice.urgent,
        notBefore: release > now ? release : null,
      };
    });
  }
}

function unique(notices: readonly SmsNotice[]): SmsNotice[] {
  return [...new Map(notices.map((n) => [n.messageId, n])).values()];
}
