import type { RunningApp } from '../support/app-process';
import { call } from '../support/http';
import { LocalGateway } from './support/local-gateway';
import { SMS_PORTS, startNotifier } from './support/notifier-process';
import { enrolledEvent, enrolledEvents, freshPhone } from './support/sms-events';
import { SmsRecords, sleep, waitFor } from './support/sms-records';
import { SmsTopic } from './support/sms-topic';

const RATE = 20;

describe('notifier: the HTTP gateway provider against a local gateway', () => {
  const records = new SmsRecords();
  const gateway = new LocalGateway();
  const sent: string[] = [];
  let topic: SmsTopic;
  let notifier: RunningApp;

  beforeAll(async () => {
    const url = await gateway.listen(SMS_PORTS.gateway);
    topic = await SmsTopic.create(await records.logId());
    notifier = await startNotifier(topic.name, {
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: url,
      SMS_HTTP_USER: 'circle',
      SMS_HTTP_PASSWORD: 'gateway-password',
      SMS_HTTP_SUCCESS: 'code=OK',
      SMS_HTTP_ID_FIELD: 'id',
      SMS_RETRY_BASE_MS: '200',
      SMS_RATE_PER_SECOND: String(RATE),
      SMS_BREAKER_FAILURES: '5',
      SMS_BREAKER_OPEN_MS: '5000',
    });
  }, 60_000);

  afterAll(async () => {
    await notifier?.stop();
    await records.settleLeftovers(sent);
    await gateway.close();
    await topic?.remove();
    await records.close();
  });

  async function publish(phone: string): Promise<string> {
    const event = enrolledEvent(phone);
    sent.push(event.eventId);
    await topic.publish([event]);
    return event.eventId;
  }

  const settled = (messageId: string) =>
    waitFor(`message ${messageId} settled`, async () => {
      const row = await records.message(messageId);
      return row && !['queued', 'attempting'].includes(row.status) && row;
    });

  it('sends once after two retries when the gateway answers 503 twice, then 200', async () => {
    const phone = freshPhone();
    gateway.script(
      phone,
      { status: 503, body: { message: 'busy' } },
      { status: 503, body: { message: 'busy' } },
    );
    const messageId = await publish(phone);
    const row = await settled(messageId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    const calls = gateway.callsTo(phone);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([messageId]));
    expect(calls[0]!.reference).toBe(messageId);
    expect(calls[0]!.authorization).toBe(
      `Basic ${Buffer.from('circle:gateway-password').toString('base64')}`,
    );
    expect(calls[0]!.text).toContain('2026年度城乡居民基本医疗保险');
    // Backoff from 200 ms, doubling, each drawn from its upper half: at least 100 ms, then 200 ms.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(100);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(200);
  }, 30_000);

  it('fails a permanently refused message at once, with the reason, and never retries it', async () => {
    const phone = freshPhone();
    gateway.answerAlways(phone, {
      status: 400,
      body: { code: 'BAD_NUMBER', message: 'invalid number' },
    });
    const messageId = await publish(phone);
    const row = await settled(messageId);
    expect(row).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(row.reason).toContain('invalid number');
    await sleep(1_500);
    expect(gateway.callsTo(phone)).toHaveLength(1);
  }, 30_000);

  it('holds the provider to its rate limit within 5 % over 10 s', async () => {
    const phones = Array.from({ length: RATE * 14 }, freshPhone);
    const batch = enrolledEvents(phones);
    sent.push(...batch.map((e) => e.eventId));
    const mine = new Set(phones);
    await topic.publish(batch);
    // BullMQ's limiter lets a burst through at the start of each second. The first call of all
    // also pays for a new connection, so the count starts at the second second's first call.
    const secondSecond = await waitFor(
      'the second second of calls',
      async () => gateway.calls.filter((c) => mine.has(c.to))[RATE],
    );
    await sleep(10_500);
    const inWindow = gateway.calls.filter(
      (c) => mine.has(c.to) && c.at >= secondSecond.at && c.at < secondSecond.at + 10_000,
    );
    expect(Math.abs(inWindow.length - RATE * 10)).toBeLessThanOrEqual(RATE * 10 * 0.05);
  }, 60_000);

  it('opens the circuit after failures in a row and says so in /health and /metrics', async () => {
    const phone = freshPhone();
    gateway.answerAlways(phone, { status: 503, body: { message: 'down' } });
    for (let i = 0; i < 5; i++) await publish(phone);
    const health = await waitFor('the circuit to open', async () => {
      const reply = await call<{ status: string; details: Record<string, { circuit?: string }> }>(
        `${notifier.url}/health`,
      );
      return reply.body.details['sms-provider']?.circuit === 'open' && reply;
    });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    const metrics = await call<string>(`${notifier.url}/metrics`);
    expect(metrics.body).toMatch(/sms_provider_circuit_open\{provider="http"[^}]*\} 1/);
    const calls = gateway.callsTo(phone).length;
    await sleep(1_000);
    expect(gateway.callsTo(phone).length).toBe(calls);
  }, 60_000);
});
