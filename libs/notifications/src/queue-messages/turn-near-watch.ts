import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StoredEvent } from '@circle/event-store';
import type { SmsNotice } from '../domain/sms-notice';
import { turnNearNotices } from '../domain/turn-near';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { QUEUE_PLACES, type QueuePlaces } from './queue-places';

const QUEUE_STREAM = /^queue-(.+)-(\d{4}-\d{2}-\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const shanghaiDay = (at: Date) =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/**
 * "Your turn is near", derived from the walk-in events: after a batch touches a station's queue
 * of today, the queue is placed as it stands and every ticket with a phone at or under the
 * station's position gets its one message. Past days are left alone, so replaying an old log
 * never tells a resident who went home long ago.
 */
@Injectable()
export class TurnNearWatch {
  private readonly logger = new Logger('TurnNearWatch');

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(QUEUE_PLACES) private readonly places: QueuePlaces,
  ) {}

  async noticesFor(events: readonly StoredEvent[], now: Date): Promise<SmsNotice[]> {
    const today = shanghaiDay(now);
    const lastPerQueue = new Map<string, StoredEvent>();
    for (const event of events) {
      const match = QUEUE_STREAM.exec(event.streamId);
      if (match && match[2] === today) lastPerQueue.set(event.streamId, event);
    }
    const notices = await Promise.all(
      [...lastPerQueue.values()].map((event) => this.near(event, today)),
    );
    return notices.flat();
  }

  private async near(cause: StoredEvent, day: string): Promise<SmsNotice[]> {
    const stationId = QUEUE_STREAM.exec(cause.streamId)?.[1] ?? '';
    try {
      const waiting = await this.places.inQueue(stationId, day);
      return turnNearNotices(
        { stationId, waiting },
        { eventId: cause.eventId, eventType: cause.type, occurredAt: cause.occurredAt },
        this.settings.turnNear,
      );
    } catch (error) {
      this.logger.warn(`queue of ${stationId} on ${day} could not be placed: ${String(error)}`);
      return [];
    }
  }
}
