import type { Browser, Page } from 'playwright-core';
import { LocalGateway } from '../notifier/support/local-gateway';
import { enrolledEvent, freshPhone } from '../notifier/support/sms-events';
import { SmsRecords, waitFor } from '../notifier/support/sms-records';
import { SmsTopic } from '../notifier/support/sms-topic';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';

// The admins' SMS queue page: a notifier sending through a local gateway that refuses two
// numbers, so two jobs fail; the admin sends one again and drops the other.
// Ports of its own (TEST_PORT_BASE + 91 … 93), apart from the other suites' apps. Not 4190:
// fetch refuses it (a "bad port"), so the notifier could never reach a gateway there.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 91;
const PORTS = { gateway: BASE, notifier: BASE + 1, supervisor: BASE + 2 };
const QUEUE = 'sms-http';

interface QueueView {
  queue: string;
  counts: Record<string, number>;
}

describe("the admins' SMS queue page", () => {
  const records = new SmsRecords();
  const gateway = new LocalGateway();
  const sent: string[] = [];
  let topic: SmsTopic;
  let notifier: RunningApp;
  let supervisor: RunningApp;
  let browser: Browser;
  let page: Page;
  let admin: string;
  const problems: string[] = [];
  const toRetry = freshPhone();
  const toDrop = freshPhone();
  let retryId: string;
  let dropId: string;

  beforeAll(async () => {
    const url = await gateway.listen(PORTS.gateway);
    topic = await SmsTopic.create(await records.logId());
    [notifier, supervisor] = await Promise.all([
      startApp('notifier', {
        PORT: String(PORTS.notifier),
        SMS_TOPICS: topic.name,
        SMS_RATE_PER_SECOND: '0',
        SMS_LOCK_MS: '2000',
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: url,
        SMS_HTTP_SUCCESS: 'code=OK',
        SMS_HTTP_ID_FIELD: 'id',
      }),
      startApp('supervisor', { PORT: String(PORTS.supervisor) }),
    ]);
    browser = await launchChromium();
    admin = await login(supervisor.url, 'admin');
    // A refused number fails at once: the first refusal only for one, every time for the other.
    const refused = { status: 400, body: { code: 'BAD_NUMBER', message: 'invalid number' } };
    gateway.script(toRetry, refused);
    gateway.answerAlways(toDrop, refused);
    const events = [enrolledEvent(toRetry), enrolledEvent(toDrop)];
    [retryId, dropId] = events.map((e) => e.eventId) as [string, string];
    sent.push(retryId, dropId);
    await topic.publish(events);
    for (const id of [retryId, dropId])
      await waitFor(`message ${id} refused`, async () => {
        const row = await records.message(id);
        return row?.status === 'rejected' && row;
      });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([notifier, supervisor].map((app) => app?.stop()));
    await records.settleLeftovers(sent);
    await gateway.close();
    await topic?.remove();
    await records.close();
  }, 30_000);

  const failedCount = async () => {
    const queues = await call<QueueView[]>(`${supervisor.url}/api/sms/queues`, { token: admin });
    return queues.body.find((q) => q.queue === QUEUE)!.counts.failed!;
  };
  const row = (jobId: string) => page.locator(`[data-queue="${QUEUE}"] tr[data-job="${jobId}"]`);

  it('signs the admin in and shows every queue with its counts and failed jobs', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(page, problems);
    await page.goto(`${supervisor.url}/sms-queues`);
    await signIn(page, 'supervisor');
    await page.waitForSelector(
      '.login .error:text-is("该账号不能管理短信队列，请用管理员账号登录。")',
    );
    await signIn(page, 'admin');
    await page.waitForSelector(`[data-queue="${QUEUE}"]`);
    await page.waitForSelector('[data-queue="sms-sandbox"]');
    await row(retryId).waitFor();
    await row(dropId).waitFor();
    const failed = await failedCount();
    expect(failed).toBeGreaterThanOrEqual(2);
    await expect(
      page.locator(`[data-queue="${QUEUE}"] [data-state=failed] dd`).textContent(),
    ).resolves.toBe(String(failed));
    await expect(row(retryId).locator('td.reason').textContent()).resolves.toContain(
      'invalid number',
    );
    await screenshot(page, 'sms-queues', { fullPage: true });
  }, 60_000);

  it('sends a failed job again from the keyboard, and the gateway takes it', async () => {
    const before = await failedCount();
    await row(retryId).focus();
    await expect(row(retryId).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('r');
    await page.waitForSelector(`.notice:text-is("已重新排队：${retryId}")`);
    await waitFor('the retried message sent', async () => {
      const message = await records.message(retryId);
      return message?.status === 'sent' && message;
    });
    expect(gateway.callsTo(toRetry)).toHaveLength(2);
    expect(await failedCount()).toBe(before - 1);
    await row(retryId).waitFor({ state: 'detached' });
  }, 30_000);

  it('drops a failed job after a second press, and Esc thinks again', async () => {
    const before = await failedCount();
    await row(dropId).focus();
    await page.keyboard.press('d');
    await expect(row(dropId).getAttribute('class')).resolves.toContain('dropping');
    await expect(row(dropId).locator('[data-action=drop] span').textContent()).resolves.toBe(
      '确认丢弃',
    );
    await screenshot(page, 'sms-queues-confirm-drop');
    await page.keyboard.press('Escape');
    await expect(row(dropId).getAttribute('class')).resolves.not.toContain('dropping');
    expect(await failedCount()).toBe(before);

    await page.keyboard.press('d');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.notice:text-is("已丢弃：${dropId}（短信记为发送失败）")`);
    await row(dropId).waitFor({ state: 'detached' });
    expect(await failedCount()).toBe(before - 1);
    expect((await records.message(dropId))?.status).toMatch(/failed|rejected/);
    expect(gateway.callsTo(toDrop)).toHaveLength(1);
  }, 30_000);

  it('reads in English and fits a portrait tablet, with a clean console', async () => {
    await page.click('button.lang');
    await expect(page.locator('.bar-title span').textContent()).resolves.toBe('SMS queues');
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'sms-queues-tablet', { fullPage: true });
    await page.click('button.lang');
    expect(problems).toEqual([]);
  }, 30_000);
});
