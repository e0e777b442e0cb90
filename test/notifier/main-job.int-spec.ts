import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import {
  signCallback,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../libs/notifications/src/http/callback-signature';
import { SMS_PORTS } from './support/notifier-process';
import { freshPhone as newPhone } from './support/sms-events';
import { SmsRecords, sleep, waitFor } from './support/sms-records';
import { StationQueue } from './support/station-queue';

const SECRET = 'callback-secret-for-the-tests';

/** Logins refuse with 503 while their limits cannot be checked (PostgreSQL or Redis busy). */
async function patientLogin(url: string, username: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await login(url, username);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1_000);
    }
  }
}

interface OutboxItem {
  eventId: string;
  messageId: string;
  phone: string;
  text: string;
  status: string;
  at: string;
}

describe('notifier on the main job: from a clerk at town-1 to the supervisor outbox', () => {
  const records = new SmsRecords();
  const env = { SMS_CALLBACK_SECRET: SECRET, SMS_LOCK_MS: '2000' };
  const used: string[] = [];
  const freshPhone = () => {
    const phone = newPhone();
    used.push(phone);
    return phone;
  };
  let township: RunningApp;
  let supervisor: RunningApp;
  let notifier: RunningApp;
  let clerk: string;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    const started = await Promise.allSettled([
      startApp('township', { PORT: String(SMS_PORTS.township), ...env }),
      startApp('supervisor', { PORT: String(SMS_PORTS.supervisor), LOG_LEVEL: 'info', ...env }),
      startApp('notifier', { PORT: String(SMS_PORTS.notifier), LOG_LEVEL: 'info', ...env }),
    ]);
    const apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(apps.map((app) => app.stop()));
      throw failed.reason;
    }
    [township, supervisor, notifier] = apps as [RunningApp, RunningApp, RunningApp];
    [clerk, admin, reader] = await Promise.all([
      patientLogin(township.url, 'clerk-town-1'),
      patientLogin(supervisor.url, 'admin'),
      patientLogin(supervisor.url, 'supervisor'),
    ]);
    // The first message waits for the notifier's consumer to join its group; later ones do not.
    const warmUp = freshPhone();
    await enroll(warmUp);
    await outboxHas(warmUp, 1, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([township?.stop(), supervisor?.stop(), notifier?.stop()]);
    await records.close();
  });

  const enroll = (phone: string) =>
    call(`${township.url}/api/residents`, {
      token: clerk,
      body: {
        residentId: freshResidentId(),
        name: '王小明',
        phone,
        category: 'general',
        region: 'taibai-lake',
      },
    });

  const outbox = async (phone: string) =>
    (await call<OutboxItem[]>(`${supervisor.url}/api/sms/outbox?phone=${phone}`, { token: reader }))
      .body;

  const outboxHas = (phone: string, count: number, timeoutMs = 8_000) =>
    waitFor(
      `${count} message(s) for ${phone}`,
      async () => {
        const items = await outbox(phone);
        return items.length >= count && items;
      },
      timeoutMs,
    );

  it('puts one masked message in the outbox within seconds of enrolling a resident with a phone', async () => {
    const phone = freshPhone();
    const started = Date.now();
    expect((await enroll(phone)).status).toBe(201);
    const [item] = await outboxHas(phone, 1, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(item).toMatchObject({
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      status: 'delivered',
      text: expect.stringMatching(
        /^【医保服务圈】王\*\*您好，您已在许庄街道医保服务站登记参加\d{4}年度城乡居民基本医疗保险。$/,
      ),
    });
    expect(item!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    await sleep(1_500);
    expect(await outbox(phone)).toHaveLength(1);
  }, 30_000);

  it('shows the outbox to supervisors and admins only, for one valid phone', async () => {
    const clerkOfTown = await patientLogin(township.url, 'clerk-town-1');
    expect(
      (await call(`${supervisor.url}/api/sms/outbox?phone=13905371234`, { token: clerkOfTown }))
        .status,
    ).toBe(403);
    expect((await call(`${supervisor.url}/api/sms/outbox?phone=13905371234`)).status).toBe(401);
    expect((await call(`${supervisor.url}/api/sms/outbox`, { token: admin })).status).toBe(422);
    const bad = await call<{ fields: { field: string }[] }>(
      `${supervisor.url}/api/sms/outbox?phone=12345`,
      { token: reader },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.fields[0]!.field).toBe('phone');
  });

  it('tells each waiting ticket with a phone once when it reaches position 3, however it moves', async () => {
    const village = new StationQueue(
      township.url,
      'village-4',
      await patientLogin(township.url, 'clerk-village-4'),
    );
    await village.clear();
    const phones = [freshPhone(), freshPhone(), freshPhone(), freshPhone()];
    const tickets = [];
    for (const phone of phones)
      tickets.push(await village.issue({ business: 'COVERAGE_ENQUIRY', phone }));
    await outboxHas(phones[2]!, 1);
    expect(await outbox(phones[3]!)).toEqual([]);

    await village.issue({ business: 'COVERAGE_ENQUIRY', priority: 'disabled' });
    await village.callNext('1');
    await village.callNext('1');
    const [fourth] = await outboxHas(phones[3]!, 1);
    expect(fourth!.text).toContain(`${tickets[3]!.number}号前面还有2位`);
    for (const phone of phones) await outboxHas(phone, 1);
    await sleep(1_500);
    for (const phone of phones) expect(await outbox(phone)).toHaveLength(1);
    expect((await records.message(`turn-near.${tickets[2]!.ticketId}`))?.status).toBe('delivered');
  }, 60_000);

  it('stops the next message to a number an admin opted out', async () => {
    const phone = freshPhone();
    const refused = await call(`${supervisor.url}/api/sms/recipients/${phone}`, {
      method: 'PATCH',
      token: reader,
      body: { optedOut: true },
    });
    expect(refused.status).toBe(403);
    const changed = await call(`${supervisor.url}/api/sms/recipients/${phone}`, {
      method: 'PATCH',
      token: admin,
      body: { optedOut: true },
    });
    expect(changed.body).toMatchObject({ optedOut: true, optedOutVia: 'admin:admin' });
    expect((await enroll(phone)).status).toBe(201);
    const messages = await waitFor('the message record', async () => {
      const reply = await call<{ status: string; reason: string }[]>(
        `${supervisor.url}/api/sms/messages?phone=${phone}`,
        { token: reader },
      );
      return reply.body.length === 1 && reply.body[0]!.status !== 'queued' && reply.body;
    });
    expect(messages[0]).toMatchObject({ status: 'rejected', reason: 'the recipient opted out' });
    expect(await outbox(phone)).toEqual([]);
  }, 30_000);

  const callback = (body: unknown, headers: Record<string, string>) =>
    call<{ accepted?: boolean; optedOut?: boolean }>(`${supervisor.url}/api/sms/callbacks/http`, {
      raw: JSON.stringify(body),
      headers,
    });

  const signed = (body: unknown, secret = SECRET) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signCallback(secret, timestamp, JSON.stringify(body)),
    };
  };

  it('refuses an unsigned or badly signed callback and changes nothing', async () => {
    const phone = freshPhone();
    expect((await enroll(phone)).status).toBe(201);
    const [item] = await outboxHas(phone, 1);
    const reply = { type: 'reply', phone, text: 'TD' };
    const report = {
      type: 'delivery',
      messageId: item!.messageId,
      status: 'failed',
      reason: 'forged',
    };
    expect((await callback(reply, {})).status).toBe(401);
    expect((await callback(reply, signed(reply, 'not-the-shared-secret-at-all'))).status).toBe(401);
    expect((await callback(report, { ...signed(reply) })).status).toBe(401);
    const stale = {
      [TIMESTAMP_HEADER]: '1700000000',
      [SIGNATURE_HEADER]: signCallback(SECRET, '1700000000', JSON.stringify(report)),
    };
    expect((await callback(report, stale)).status).toBe(401);
    const recipient = await call<{ optedOut: boolean }>(
      `${supervisor.url}/api/sms/recipients/${phone}`,
      { token: reader },
    );
    expect(recipient.body.optedOut).toBe(false);
    expect((await outbox(phone))[0]!.status).toBe('delivered');
  }, 30_000);

  it('opts a number out on its STOP reply through the signed callback', async () => {
    const phone = freshPhone();
    const reply = { type: 'reply', phone, text: 'TD' };
    const answer = await callback(reply, signed(reply));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: true, optedOut: true });
    expect((await enroll(phone)).status).toBe(201);
    await sleep(2_000);
    expect(await outbox(phone)).toEqual([]);
  }, 30_000);

  it('lets admins see the queues and nobody else', async () => {
    expect((await call(`${supervisor.url}/api/sms/queues`, { token: reader })).status).toBe(403);
    const queues = await call<{ queue: string; counts: Record<string, number> }[]>(
      `${supervisor.url}/api/sms/queues`,
      { token: admin },
    );
    expect(queues.status).toBe(200);
    expect(queues.body.map((q) => q.queue)).toEqual(['sms-sandbox', 'sms-http']);
    expect(queues.body[0]!.counts.completed).toBeGreaterThan(0);
  });

  it('writes every phone masked in the logs of the supervisor and the notifier', () => {
    const lines = [supervisor, notifier].flatMap((app) => app.output().split('\n'));
    expect(lines.some((line) => line.includes('/api/sms/outbox?phone=139'))).toBe(true);
    expect(lines.filter((line) => used.some((phone) => line.includes(phone)))).toEqual([]);
  });
});
