import type { INestApplication } from '@nestjs/common';
import { createApp, loadConfig } from '@circle/platform';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { loadNotificationSettings } from '../../libs/notifications/src/settings/notification-settings';
import { SmsQueues } from '../../libs/notifications/src/queue/sms-queue';
import { SmsMessages } from '../../libs/notifications/src/store/sms-messages';
import { testEnv } from '../support/test-env';
import { SMS_PORTS } from './support/notifier-process';
import { enrolledEvent, freshPhone } from './support/sms-events';
import { SmsRecords, sleep, waitFor } from './support/sms-records';
import { SmsTopic } from './support/sms-topic';

/** Today in Asia/Shanghai, so the clock the test sets stays near the events' own times. */
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const EIGHT = `${TODAY}T08:00:00`;

/** A clock the test sets: Asia/Shanghai wall time, running on from there in real time. */
class TestClock {
  private offset = 0;

  setShanghai(wall: string): void {
    this.offset = Date.parse(`${wall}+08:00`) - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

describe('notifier: quiet hours', () => {
  const records = new SmsRecords();
  const clock = new TestClock();
  let topic: SmsTopic;
  let app: INestApplication;

  beforeAll(async () => {
    topic = await SmsTopic.create(await records.logId());
    const env = testEnv({ PORT: String(SMS_PORTS.inProcess) });
    const settings = loadNotificationSettings({
      ...env,
      SMS_TOPICS: topic.name,
      SMS_QUIET_HOURS: '22:00-08:00',
      SMS_RATE_PER_SECOND: '0',
    });
    clock.setShanghai(`${TODAY}T12:00:00`);
    app = await createApp(
      {
        name: 'notifier',
        title: 'notifier',
        defaultPort: 0,
        module: (config) => NotifierModule.with(config, { settings, clock }),
      },
      loadConfig('notifier', SMS_PORTS.inProcess, env),
    );
    await app.listen(SMS_PORTS.inProcess, '127.0.0.1');
    const warmUp = enrolledEvent(freshPhone());
    await topic.publish([warmUp]);
    await waitFor(
      'the consumer to join',
      async () => (await records.sandbox([warmUp.eventId])).length === 1,
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await topic?.remove();
    await records.close();
  });

  it('holds a routine message until eight and lets "your turn is near" through at once', async () => {
    // Fifteen seconds before eight: room for a loaded machine to see the message held first.
    clock.setShanghai(`${TODAY}T07:59:45`);
    const routine = enrolledEvent(freshPhone());
    await topic.publish([routine]);
    const held = await waitFor('the routine message to be queued', () =>
      records.message(routine.eventId),
    );
    expect(held.status).toBe('queued');
    expect(held.not_before?.toISOString()).toBe(new Date(`${EIGHT}+08:00`).toISOString());

    const urgentId = `turn-near.test-${freshPhone()}`;
    const now = clock.now();
    const urgent = {
      messageId: urgentId,
      eventId: routine.eventId,
      eventType: 'walkins.TicketCalled',
      eventAt: now,
      phone: freshPhone(),
      language: 'zh-CN' as const,
      text: '【医保服务圈】您在许庄街道医保服务站的D004号前面还有2位，请回到大厅等候叫号。',
      parts: 1,
      urgent: true,
      notBefore: null,
    };
    await app.get(SmsMessages).record([urgent], 'sandbox', now);
    await app.get(SmsQueues).add([urgent], now);
    await waitFor(
      'the urgent message',
      async () => (await records.sandbox([urgentId])).length === 1,
      3_000,
    );
    expect(await records.sandbox([routine.eventId])).toEqual([]);

    await sleep(1_000);
    expect(clock.now() < new Date(`${EIGHT}+08:00`)).toBe(true);
    expect(await records.sandbox([routine.eventId])).toEqual([]);
    const [released] = await waitFor(
      'the release at eight',
      async () => {
        const rows = await records.sandbox([routine.eventId]);
        return rows.length === 1 && rows;
      },
      30_000,
    );
    expect(released!.received_at.getTime()).toBeGreaterThanOrEqual(Date.parse(`${EIGHT}+08:00`));
    expect((await records.message(routine.eventId))?.status).toBe('delivered');
  }, 60_000);
});
