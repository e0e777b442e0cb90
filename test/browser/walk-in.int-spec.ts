import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { testEnv } from '../support/test-env';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';

// A township station: the kiosk and the hall's board signed in with the station's kiosk account,
// one clerk's console, all in Chromium.
const STATION = 'town-2';
const COUNTER = '2';
const BUSINESS = 'COVERAGE_ENQUIRY';

/** The supervisor's queue is a projection fed through Kafka, so the outbox relay must run. */
function startRelay(): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', './scripts/paths.js', 'dist/libs/event-store/src/relay.cli.js'],
    {
      cwd: path.resolve(__dirname, '..', '..'),
      env: testEnv({ RELAY_NAME: 'browser-it', RELAY_START_AT: 'end' }),
      stdio: 'ignore',
    },
  );
}

interface WaitingTicket {
  ticketId: string;
  number: string;
}

describe('a walk-in through the station pages', () => {
  let township: RunningApp;
  let supervisor: RunningApp;
  let relay: ChildProcess;
  let browser: Browser;
  let supervisorToken: string;
  let clerkToken: string;
  const problems: string[] = [];

  beforeAll(async () => {
    [township, supervisor] = await Promise.all([startApp('township'), startApp('supervisor')]);
    relay = startRelay();
    browser = await launchChromium();
    supervisorToken = await login(supervisor.url, 'supervisor');
    clerkToken = await login(township.url, `clerk-${STATION}`);
    await clearCounter();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    relay?.kill('SIGTERM');
    await Promise.all([township, supervisor].map((app) => app?.stop()));
  }, 30_000);

  /** Earlier runs may have left residents waiting; serve them so ours is the next one called. */
  async function clearCounter(): Promise<void> {
    const counter = `${township.url}/api/stations/${STATION}/counters/${COUNTER}`;
    await call(`${counter}/open`, { method: 'POST', token: clerkToken });
    for (let i = 0; i < 200; i++) {
      const reply = await call<{ ticket: WaitingTicket }>(`${counter}/call-next`, {
        method: 'POST',
        token: clerkToken,
      });
      if (reply.status === 204) break;
      const ticketId =
        reply.status === 200
          ? reply.body.ticket.ticketId
          : (reply.body as unknown as { currentTicketId: string }).currentTicketId;
      await call(`${township.url}/api/tickets/${ticketId}/cancel`, {
        method: 'POST',
        token: clerkToken,
        body: {},
      });
    }
    await call(`${counter}/close`, { method: 'POST', token: clerkToken });
  }

  async function supervisorQueue(): Promise<WaitingTicket[]> {
    const reply = await call<WaitingTicket[] | { waiting: WaitingTicket[] }>(
      `${supervisor.url}/api/stations/${STATION}/queue`,
      { token: supervisorToken },
    );
    expect(reply.status).toBe(200);
    return Array.isArray(reply.body) ? reply.body : reply.body.waiting;
  }

  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function openPage(path: string, viewport: { width: number; height: number }) {
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    watchProblems(page, problems);
    await page.goto(`${township.url}${path}`);
    return page;
  }

  it('serves the pages without a token, outside /api, while the API stays closed', async () => {
    for (const path of ['/console', `/kiosk/${STATION}`, `/board/${STATION}`]) {
      const page = await call<string>(`${township.url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    }
    const alpine = await call<string>(`${township.url}/assets/alpine.min.js`);
    expect(alpine.status).toBe(200);
    expect((await call(`${township.url}/assets/missing.js`)).status).toBe(404);
    expect((await call(`${township.url}/api/stations/${STATION}/queue`)).status).toBe(401);
  });

  let kiosk: Page;
  let first: string;
  let second: string;

  async function takeTicket(phone?: string): Promise<string> {
    await kiosk.click(`.business[data-business=${BUSINESS}]`);
    for (const digit of phone ?? '') await kiosk.click(`.keypad button:text-is("${digit}")`);
    if (phone) await screenshot(kiosk, 'kiosk-phone');
    await kiosk.click(
      phone ? '.phone .actions button.primary' : 'button:text-is("不留手机号，直接取号")',
    );
    await kiosk.waitForSelector('.ticket .number', { state: 'visible' });
    return (await kiosk.locator('.ticket .number').textContent())!.trim();
  }

  it('the kiosk issues tickets with number, position and wait range', async () => {
    kiosk = await openPage(`/kiosk/${STATION}`, { width: 1280, height: 1000 });
    await expect(kiosk.locator('.login .hint').textContent()).resolves.toContain(
      `kiosk-${STATION}`,
    );
    // A counter account can call and cancel: it must not stay signed in on a public screen.
    await signIn(kiosk, `clerk-${STATION}`);
    await kiosk.waitForSelector(`.banner:has-text("kiosk-${STATION}")`);
    await screenshot(kiosk, 'kiosk-clerk-refused');
    await signIn(kiosk, `kiosk-${STATION}`);
    await kiosk.waitForSelector(`.business[data-business=${BUSINESS}]`);
    await screenshot(kiosk, 'kiosk-choose');

    first = await takeTicket('13800138000');
    expect(first).toMatch(/^[A-Z]\d{3}$/);
    await expect(kiosk.locator('.ticket .position').textContent()).resolves.toBe('下一位就是您');
    await expect(kiosk.locator('.ticket').textContent()).resolves.toContain('138****8000');
    await kiosk.click('.ticket button.primary');

    second = await takeTicket();
    await expect(kiosk.locator('.ticket .position').textContent()).resolves.toBe('前面还有 1 人');
    await expect(kiosk.locator('.ticket .wait').textContent()).resolves.toMatch(
      /^预计等待( \d+–\d+ 分钟|不超过 \d+ 分钟)$/,
    );
    await screenshot(kiosk, 'kiosk-ticket');
    await kiosk.click('.ticket button.primary');
  }, 60_000);

  it('the kiosk names the nearest stations for a business handled elsewhere', async () => {
    await kiosk.click('.other[data-business=MANUAL_REIMBURSEMENT]');
    await kiosk.waitForSelector('.nearest li');
    await expect(kiosk.locator('.elsewhere h1').textContent()).resolves.toBe(
      '本站不办理「零星报销」',
    );
    await expect(kiosk.locator('.nearest li').first().textContent()).resolves.toMatch(
      /太白湖新区医保经办大厅\s*约 \d+ 分钟/,
    );
    await screenshot(kiosk, 'kiosk-elsewhere');
    await kiosk.click('.elsewhere button.primary');
  }, 30_000);

  it('switches to English and remembers the choice', async () => {
    await kiosk.click('header button.lang');
    await kiosk.reload();
    await kiosk.waitForSelector(`.business[data-business=${BUSINESS}]`);
    await expect(kiosk.locator('.prompt').textContent()).resolves.toBe('Choose your business');
    await expect(
      kiosk.locator(`.business[data-business=${BUSINESS}] .name`).textContent(),
    ).resolves.toBe('Coverage enquiry / certificate');
    await screenshot(kiosk, 'kiosk-english');
    await kiosk.click('header button.lang');
  }, 30_000);

  it('the console calls and completes, the board shows the call, the supervisor queue moves', async () => {
    const queued = await eventually(supervisorQueue, (q) => q.some((t) => t.number === second));
    expect(queued.map((t) => t.number)).toEqual(expect.arrayContaining([first, second]));

    const board = await openPage(`/board/${STATION}`, { width: 1920, height: 1080 });
    await signIn(board, `kiosk-${STATION}`);
    await board.waitForSelector('.board-head .live.is-live');

    const desk = await openPage('/console', { width: 1366, height: 768 });
    await signIn(desk, `clerk-${STATION}`, 'not-the-password');
    await desk.waitForSelector('.banner:text-is("用户名或密码错误。")');
    await signIn(desk, `clerk-${STATION}`);
    await desk.click(`.counter[data-counter="${COUNTER}"]`);

    // Another tab pauses this counter: the console follows live and stops calling.
    const counterUrl = `${township.url}/api/stations/${STATION}/counters/${COUNTER}`;
    await call(`${counterUrl}/pause`, { method: 'POST', token: clerkToken });
    await desk.waitForSelector('.current-head .state:text-is("已暂停")');
    expect(await desk.isDisabled('button[data-action=call-next]')).toBe(true);
    await desk.click('.counter-actions button[data-action=open]');
    await desk.waitForSelector('.current-head .state:text-is("已开窗")');
    await desk.waitForSelector(`.queue-list li .number:text-is("${second}")`);
    await expect(desk.locator('.queue-list li .number').allTextContents()).resolves.toEqual([
      first,
      second,
    ]);
    await screenshot(desk, 'console-queue');

    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${first}")`);
    await board.waitForSelector(`.now .call .number:text-is("${first}")`);
    await expect(board.locator('.now .call .counter').textContent()).resolves.toBe(
      `${COUNTER}号窗口`,
    );
    await board.waitForSelector('.waiting strong:text-is("1")');
    await screenshot(board, 'board-called');
    await screenshot(desk, 'console-called');

    const afterCall = await eventually(supervisorQueue, (q) => !q.some((t) => t.number === first));
    expect(afterCall.map((t) => t.number)).not.toContain(first);
    expect(afterCall.map((t) => t.number)).toContain(second);

    await desk.keyboard.press('s');
    await desk.waitForSelector('.ticket-now .status.serving');
    // The enquiry's screen opens beside the ticket with its ID field focused: Esc leaves it.
    await desk.waitForSelector('[data-screen=coverage] [name=residentId]:focus');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('c');
    await desk.waitForSelector('.dialog input[name=recordId]', { state: 'visible' });
    await screenshot(desk, 'console-complete');
    await desk.keyboard.press('2');
    expect(await desk.isChecked('.dialog input[value=documents-missing]')).toBe(true);
    await desk.keyboard.press('1');
    await desk.fill('.dialog input[name=recordId]', 'enquiry-12');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    await expect(desk.locator('.message').textContent()).resolves.toBe(`${first} 已办结`);
    await screenshot(desk, 'console-completed');
    const served = queued.find((t) => t.number === first)!;
    const record = await call(`${township.url}/api/tickets/${served.ticketId}`, {
      token: clerkToken,
    });
    expect(record.body).toMatchObject({ status: 'done', outcome: 'done', recordId: 'enquiry-12' });

    // The second resident never comes to the counter.
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${second}")`);
    await board.waitForSelector(`.now .call .number:text-is("${second}")`);
    await desk.keyboard.press('x');
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    await expect(desk.locator('.message').textContent()).resolves.toBe(`${second} 已过号`);
    await board.waitForSelector('.waiting strong:text-is("0")');
    await screenshot(board, 'board-after');

    const empty = await eventually(supervisorQueue, (q) => !q.some((t) => t.number === second));
    expect(empty.map((t) => t.number)).not.toContain(second);
    expect(problems).toEqual([]);
  }, 90_000);
});
