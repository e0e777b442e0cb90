import type { Browser, Page } from 'playwright-core';
import {
  freshCreditCode,
  freshResidentId,
  withWrongCheckDigit,
} from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// An employer and its employees enrolled at a township station's console, keyboard first.
const STATION = 'town-1';
const COUNTER = '2';
// A port of its own (TEST_PORT_BASE + 45), apart from the other suites' apps.
const PORT = Number(process.env.TEST_PORT_BASE ?? 4100) + 45;

interface Ticket {
  ticketId: string;
  number: string;
}

interface EmployerView {
  employees: { residentId: string; leftOn: string | null }[];
}

describe('employer and employee enrollment at the console', () => {
  let township: RunningApp;
  let browser: Browser;
  let clerk: string;
  let desk: Page;
  const problems: string[] = [];
  const today = shanghaiToday();
  const creditCode = freshCreditCode();
  const first = freshResidentId('1988-06-01');
  const second = freshResidentId('1992-02-29');
  const third = freshResidentId('1979-10-10');
  // Already an employee of another employer: the API refuses them here with 409.
  const elsewhere = freshResidentId('1985-01-15');
  const fourth = freshResidentId('1995-07-07');
  let ticket: Ticket;

  beforeAll(async () => {
    township = await startApp('township', { PORT: String(PORT) });
    browser = await launchChromium();
    clerk = await login(township.url, `clerk-${STATION}`);
    await clearCounter(township.url, STATION, COUNTER, clerk);
    const other = freshCreditCode();
    const registered = await call(`${township.url}/api/employers`, {
      token: clerk,
      body: { creditCode: other, name: '太白湖纺织厂', region: 'taibai-lake' },
    });
    expect(registered.status).toBe(201);
    const employed = await call(`${township.url}/api/employers/${other}/employees`, {
      token: clerk,
      body: { residentId: elsewhere, name: '赵六', joinedOn: '2024-01-01' },
    });
    expect(employed.status).toBe(201);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await township?.stop();
  }, 30_000);

  const field = (name: string) => desk.locator(`.employer [name=${name}]`);
  const problemOf = async (name: string) =>
    (
      (await desk.locator(`.employer label:has([name=${name}]) .problem`).textContent()) ?? ''
    ).trim();
  const focused = () =>
    desk.evaluate<string | null>(
      "document.activeElement.getAttribute('name') || document.activeElement.getAttribute('data-action')",
    );
  const roll = async () =>
    (
      await call<EmployerView>(`${township.url}/api/employers/${creditCode}`, { token: clerk })
    ).body.employees.filter((e) => !e.leftOn);

  it('opens the employer screen on a started employee-enrollment ticket', async () => {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business: 'ENROLL_EMPLOYEE' },
    });
    expect(issued.status).toBe(201);
    ticket = issued.body;
    expect(ticket.number).toMatch(/^B\d{3}$/);

    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    await desk.goto(`${township.url}/console`);
    await signIn(desk, `clerk-${STATION}`);
    await desk.click(`.counter[data-counter="${COUNTER}"]`);
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('.employer', { state: 'visible' });
    // The code takes the first keystroke, once the screen has shown.
    await desk.waitForSelector('.employer [name=creditCode]:focus');
  }, 60_000);

  it('names a bad credit code on its field, then registers the employer from the keyboard', async () => {
    await desk.keyboard.type(withWrongCheckDigit(creditCode));
    await desk.keyboard.press('Enter');
    await expect(problemOf('creditCode')).resolves.toBe('校验码不符，请核对是否输错');
    await screenshot(desk, 'employer-bad-code');

    await field('creditCode').fill('');
    await desk.keyboard.type(creditCode.toLowerCase());
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.employer [name=employerName]');
    await expect(focused()).resolves.toBe('employerName');
    await desk.keyboard.type('太白湖机械厂');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await desk.keyboard.press('Tab');
      order.push((await focused()) ?? '');
    }
    expect(order).toEqual(['region', 'address', 'contactPhone', 'register']);
    await field('contactPhone').focus();
    await desk.keyboard.type('0537-2345678');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.employer-record strong:text-is("太白湖机械厂")');
    await expect(field('creditCode').inputValue()).resolves.toBe(creditCode);
    await expect(focused()).resolves.toBe('residentId');
  }, 30_000);

  it('enrols one employee, showing refusals on the field they name', async () => {
    await desk.keyboard.type(withWrongCheckDigit(first));
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('王秀英');
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('1370000');
    await desk.keyboard.press('Enter');
    await expect(problemOf('residentId')).resolves.toBe('校验位不符，请核对是否输错');
    await expect(problemOf('phone')).resolves.toBe('应为 1 开头的 11 位手机号');
    await expect(field('joinedOn').inputValue()).resolves.toBe(today);

    // Employed elsewhere: only the API knows, and its 409 lands on the ID.
    await field('residentId').fill(elsewhere);
    await field('phone').fill('13700000001');
    await field('phone').press('Enter');
    await desk.waitForSelector('.employer label.invalid:has([name=residentId])');
    await expect(problemOf('residentId')).resolves.toContain('已在其他单位参保');
    await screenshot(desk, 'employer-refusals');

    await field('residentId').fill(first);
    await field('residentId').press('Enter');
    await desk.waitForSelector('.employer-record .hint:text-is("在职参保职工 1 人")');
    await expect(field('residentId').inputValue()).resolves.toBe('');
    expect((await roll()).map((e) => e.residentId)).toEqual([first]);
  }, 30_000);

  it('names every bad row of a roll by line and field, and sends nothing', async () => {
    const bad = [
      'residentId,name,phone,joinedOn',
      `${first},王秀英,13700000001,${today}`,
      `${withWrongCheckDigit(second)},李四,,${today}`,
      `${third},张三,1234,2026-02-30`,
    ].join('\n');
    await field('roll').fill(bad);
    await field('roll').press('Control+Enter');
    await desk.waitForSelector('.roll-problems');
    const listed = await desk.locator('.roll-problems li').allTextContents();
    expect(listed).toEqual([
      '第 3 行 · 身份证号：校验位不符，请核对是否输错',
      '第 4 行 · 手机号：应为 1 开头的 11 位手机号',
      '第 4 行 · 参保日期：日期应写作 2026-12-01，且是真实日期',
    ]);
    expect(await desk.locator('.employer [data-action=send-roll]').isVisible()).toBe(false);
    await screenshot(desk, 'employer-roll-problems');
    expect(await roll()).toHaveLength(1);
  }, 30_000);

  it('sends a corrected roll, passing over who is on it and naming who the API refuses', async () => {
    const good = [
      '身份证号,姓名,手机号,参保日期',
      `${first},王秀英,13700000001,${today}`,
      `${second},李四,,${today}`,
      `${third},张三,13700000003,${today}`,
      `${elsewhere},赵六,,${today}`,
    ].join('\n');
    await field('roll').fill(good);
    await field('roll').press('Control+Enter');
    // Focus moves on the frame after the button shows: a loaded machine may draw a frame late.
    await desk.waitForSelector('.employer [data-action=send-roll]:focus', { timeout: 5_000 });
    await expect(focused()).resolves.toBe('send-roll');
    await expect(
      desk.locator('.employer [data-action=send-roll]').textContent(),
    ).resolves.toContain('提交 3 名职工');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.roll-table tr[data-line="5"].is-refused');
    await desk.waitForSelector('.roll-table tr[data-line="4"].is-enrolled');
    await expect(desk.locator('.roll-table tr[data-line="2"]').getAttribute('class')).resolves.toBe(
      'is-onRoll',
    );
    await expect(
      desk.locator('.roll-table tr[data-line="5"] td:last-child').textContent(),
    ).resolves.toContain('第 5 行 · 身份证号：已在其他单位参保');
    await screenshot(desk, 'employer-roll-sent', { fullPage: true });
    expect((await roll()).map((e) => e.residentId).sort()).toEqual([first, second, third].sort());
  }, 60_000);

  it('completes the ticket with the employer as its record, in either language', async () => {
    await desk.locator('body').click({ position: { x: 5, y: 5 } });
    await desk.click('button.lang');
    await expect(desk.locator('.employer h2').textContent()).resolves.toMatch(/[A-Za-z]/);
    await expect(
      desk.locator('.employer [data-action=finish-employer] span').textContent(),
    ).resolves.toBe('Complete the ticket (3 enrolled now)');
    await desk.keyboard.press('f');
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    const done = await call(`${township.url}/api/tickets/${ticket.ticketId}`, { token: clerk });
    expect(done.body).toMatchObject({
      status: 'done',
      outcome: 'done',
      recordId: creditCode,
      recordKind: 'employer',
    });
    await screenshot(desk, 'employer-done');
    await desk.click('button.lang');
  }, 30_000);

  it('is usable on a portrait tablet', async () => {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business: 'ENROLL_EMPLOYEE' },
    });
    await desk.setViewportSize({ width: 800, height: 1280 });
    await desk.waitForSelector(`.queue-list li .number:text-is("${issued.body.number}")`);
    await desk.keyboard.press('n');
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('.employer [name=creditCode]:focus');
    await desk.keyboard.type(creditCode);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.employer-record');
    const box = await desk.locator('.employer').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(800);
    await screenshot(desk, 'employer-tablet', { fullPage: true });

    // A roll as Chinese Excel saves it, in GB 18030, chosen with L: read, checked, sent.
    await desk.keyboard.press('Escape');
    const heading = Buffer.from(
      'c9edb7ddd6a4bac52cd0d5c3fb2ccad6bbfabac52cb2ceb1a3c8d5c6da0a',
      'hex',
    );
    const qian = Buffer.from('c7aec6df', 'hex');
    const buffer = Buffer.concat([
      heading,
      Buffer.from(`${fourth},`),
      qian,
      Buffer.from(`,,${today}\r\n`),
    ]);
    // Playwright turns on its file-chooser interception as it starts waiting, asynchronously;
    // a key pressed in the same instant can beat it.
    const choosing = desk.waitForEvent('filechooser');
    await desk.waitForTimeout(300);
    await desk.keyboard.press('l');
    const chooser = await choosing;
    await chooser.setFiles({ name: '职工名单.csv', mimeType: 'text/csv', buffer });
    await desk.waitForSelector('.employer [data-action=send-roll]:focus');
    await screenshot(desk, 'employer-roll-file', { fullPage: true });
    await expect(field('roll').inputValue()).resolves.toContain('身份证号,姓名,手机号,参保日期');
    await expect(
      desk.locator('.roll-table tr[data-line="2"] td:nth-child(3)').textContent(),
    ).resolves.toBe('钱七');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.roll-table tr[data-line="2"].is-enrolled');
    expect((await roll()).map((e) => e.residentId)).toContain(fourth);
    await desk.keyboard.press('f');
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    expect(problems).toEqual([]);
  }, 60_000);
});
