import type { RunningApp } from '../support/app-process';
import { startNotifier } from './support/notifier-process';
import { enrolledEvents, freshPhone } from './support/sms-events';
import { SmsRecords, sleep, waitFor } from './support/sms-records';
import { SmsTopic } from './support/sms-topic';

describe('notifier: each event texted exactly once', () => {
  const records = new SmsRecords();
  let topic: SmsTopic;
  let notifier: RunningApp | undefined;

  beforeAll(async () => {
    topic = await SmsTopic.create(await records.logId());
  }, 30_000);

  afterAll(async () => {
    await notifier?.stop('SIGKILL');
    await topic?.remove();
    await records.close();
  });

  const allInSandbox = (ids: readonly string[], timeoutMs = 30_000) =>
    waitFor(
      `${ids.length} messages in the sandbox`,
      async () => {
        const rows = await records.sandbox(ids);
        return rows.length === ids.length && rows;
      },
      timeoutMs,
    );

  it('sends nothing twice when Kafka hands a batch over again, even with the jobs gone from Redis', async () => {
    notifier = await startNotifier(topic.name);
    const batch = enrolledEvents(Array.from({ length: 40 }, freshPhone));
    const ids = batch.map((e) => e.eventId);
    await topic.publish(batch);
    await allInSandbox(ids);

    const queue = await records.queue('sms-sandbox');
    for (const id of ids) await (await queue.getJob(id))?.remove();
    await topic.publish(batch);
    // BullMQ gets the jobs back too, as after a redelivery that raced the record.
    await queue.addBulk(
      ids.map((messageId) => ({
        name: 'sms',
        data: { messageId, urgent: false, eventAt: new Date().toISOString() },
        opts: { jobId: messageId },
      })),
    );
    const sentinel = enrolledEvents([freshPhone()]);
    await topic.publish(sentinel);
    await allInSandbox(sentinel.map((e) => e.eventId));
    await waitFor(
      'the re-added jobs to finish',
      async () => (await queue.getJobCounts('waiting', 'active')).waiting === 0,
    );
    await sleep(500);
    await queue.close();

    const rows = await records.sandbox(ids);
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.calls !== 1)).toEqual([]);
    const messages = await records.messages(ids);
    expect(messages.map((m) => [m.status, m.attempts])).toEqual(ids.map(() => ['delivered', 1]));
  }, 90_000);

  it('texts every message of a batch exactly once across a kill -9 and a restart', async () => {
    await notifier?.stop();
    // Each provider call takes 200 ms after the sandbox recorded it: the kill lands between the
    // provider's receipt and the notifier's record of it for the calls in flight.
    notifier = await startNotifier(topic.name, {
      SMS_CONCURRENCY: '16',
      SMS_SANDBOX_LATENCY_MS: '200',
    });
    const batch = enrolledEvents(Array.from({ length: 500 }, freshPhone));
    const ids = batch.map((e) => e.eventId);
    await topic.publish(batch);
    await waitFor('calls in flight after the first messages went out', async () => {
      if ((await records.sandbox(ids)).length < 60) return false;
      return (await records.messages(ids)).some((m) => m.status === 'attempting');
    });
    await notifier.stop('SIGKILL');
    const before = (await records.sandbox(ids)).length;
    const unanswered = (await records.messages(ids)).filter((m) => m.status === 'attempting');

    notifier = await startNotifier(topic.name);
    // Those in flight at the kill were received but not recorded: they run again once their
    // lock runs out, and settle.
    await waitFor(
      'every message delivered',
      async () => {
        const messages = await records.messages(ids);
        return messages.length === ids.length && messages.every((m) => m.status === 'delivered');
      },
      60_000,
    );
    const rows = await records.sandbox(ids);
    expect(before).toBeLessThan(500);
    expect(unanswered.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(500);
    // A call whose answer the kill lost went to the provider again with the same message id,
    // and the provider kept one text.
    expect(
      rows
        .filter((r) => r.calls > 1)
        .every((r) => unanswered.some((m) => m.message_id === r.message_id)),
    ).toBe(true);
  }, 120_000);
});
