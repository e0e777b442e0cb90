import type { Browser, Page } from 'playwright-core';
import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// An insured person's information changed at a township station's console, with the history.
const STATION = 'town-1';
const COUNTER = '3';
// A port of its own (TEST_PORT_BASE + 46), apart from the other suites' apps.
const PORT = Number(process.env.TEST_PORT_BASE ?? 4100) + 46;

interface Ticket {
  ticketId: string;
  number: string;
}

interface HistoryEntry {
  actor: string;
  reason: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

describe('an information change at the console', () => {
  let township: RunningApp;
  let browser: Browser;
  let clerk: string;
  let desk: Page;
  const problems: string[] = [];
  const residentId = freshResidentId('1961-09-09');
  let ticket: Ticket;

  beforeAll(async () => {
    township = await startApp('township', { PORT: String(PORT) });
    browser = await launchChromium();
    clerk = await login(township.url, `clerk-${STATION}`);
    await clearCounter(township.url, STATION, COUNTER, clerk);
    const year = Number(shanghaiToday().slice(0, 4));
    const enrolled = await call(`${township.url}/api/residents`, {
      token: clerk,
      body: {
        residentId,
        name: '孙桂兰',
        phone: '13700000021',
        category: 'general',
        region: 'taibai-lake',
        year,
      },
    });
    expect(enrolled.status).toBe(201);
    // An earlier change, so the history beside the form has something in it.
    const earlier = await call(`${township.url}/api/residents/${residentId}`, {
      method: 'PATCH',
      token: clerk,
      body: { address: '太白湖新区许庄街道 1 号', reason: '搬家' },
    });
    expect(earlier.status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await township?.stop();
  }, 30_000);

  const field = (name: string) => desk.locator(`.change-info [name=${name}]`);
  const problemOf = async (name: string) =>
    (
      (await desk.locator(`.change-info label:has([name=${name}]) .problem`).textContent()) ?? ''
    ).trim();

  it('opens the change screen on a started information-change ticket', async () => {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business: 'CHANGE_INFO' },
    });
    expect(issued.status).toBe(201);
    ticket = issued.body;
    expect(ticket.number).toMatch(/^C\d{3}$/);

    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    await desk.goto(`${township.url}/console`);
    await signIn(desk, `clerk-${STATION}`);
    await desk.click(`.counter[data-counter="${COUNTER}"]`);
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('.change-info [name=residentId]:focus');
  }, 60_000);

  it('names a bad ID and one nobody holds on the ID field', async () => {
    await desk.keyboard.type(withWrongCheckDigit(residentId));
    await desk.keyboard.press('Enter');
    await expect(problemOf('residentId')).resolves.toBe('校验位不符，请核对是否输错');

    // A valid ID that is not on record: only the API knows, and its 404 lands on the ID.
    await field('residentId').fill(freshResidentId('1970-01-01'));
    await field('residentId').press('Enter');
    await desk.waitForSelector('.change-info label.invalid:has([name=residentId])');
    await expect(problemOf('residentId')).resolves.toBe('查无此人：请先办理参保登记');
    await screenshot(desk, 'change-info-refusal');
  }, 30_000);

  it('shows the record and the earlier changes beside the form', async () => {
    await field('residentId').fill(residentId);
    await field('residentId').press('Enter');
    await desk.waitForSelector('.change-info [name=name]:focus');
    await expect(field('name').inputValue()).resolves.toBe('孙桂兰');
    await expect(field('category').inputValue()).resolves.toBe('general');
    await expect(field('address').inputValue()).resolves.toBe('太白湖新区许庄街道 1 号');
    await expect(
      desk.locator('.change-history > ol > li').first().locator('li').textContent(),
    ).resolves.toMatch(/地址\s*（空）\s*→\s*太白湖新区许庄街道 1 号/);
    await expect(desk.locator('.change-history .change-reason').textContent()).resolves.toBe(
      '原因：搬家',
    );
  }, 30_000);

  it('checks the fields as the API does, then changes only what differs, from the keyboard', async () => {
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      order.push(
        (await desk.evaluate<string | null>("document.activeElement.getAttribute('name')")) ?? '',
      );
      await desk.keyboard.press('Tab');
    }
    expect(order).toEqual([
      'name',
      'phone',
      'category',
      'address',
      'communityId',
      'householdId',
      'reason',
    ]);
    await field('phone').fill('1370000');
    await field('reason').focus();
    await desk.keyboard.type('换了手机号');
    await desk.keyboard.press('Enter');
    await expect(problemOf('phone')).resolves.toBe('应为 1 开头的 11 位手机号');
    await expect(desk.evaluate("document.activeElement.getAttribute('name')")).resolves.toBe(
      'phone',
    );
    await desk.keyboard.press('Control+A');
    await desk.keyboard.type('13700000022');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.change-info .settled-note:visible');
    await expect(desk.locator('.change-info .settled-note').textContent()).resolves.toBe(
      '已变更：手机号',
    );
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    expect(await desk.locator('.change-history > ol > li').count()).toBe(2);
    await screenshot(desk, 'change-info-done');

    const done = await call(`${township.url}/api/tickets/${ticket.ticketId}`, { token: clerk });
    expect(done.body).toMatchObject({
      status: 'done',
      outcome: 'done',
      recordId: residentId,
      recordKind: 'change',
    });
    const history = await call<HistoryEntry[]>(
      `${township.url}/api/residents/${residentId}/changes`,
      { token: clerk },
    );
    expect(history.body.at(-1)).toMatchObject({
      actor: `clerk-${STATION}`,
      reason: '换了手机号',
      changes: [{ field: 'phone', to: '13700000022' }],
    });
  }, 30_000);

  it('reads in English and fits a portrait tablet', async () => {
    await desk.click('button.lang');
    await expect(desk.locator('.change-history h3').textContent()).resolves.toBe('Earlier changes');
    await desk.setViewportSize({ width: 800, height: 1280 });
    const box = await desk.locator('.change-info').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(800);
    await screenshot(desk, 'change-info-tablet', { fullPage: true });
    await desk.click('button.lang');
    expect(problems).toEqual([]);
  }, 30_000);
});
