import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter } from './counter-fixtures';

// The counter's frame: the served ticket's screen, "not handled" with a reason, the counter's
// day, and finding a person three ways, keyboard first, at desk and tablet sizes.
const STATION = 'town-2';
const COUNTER = '3';
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 67;

interface Ticket {
  ticketId: string;
  number: string;
}

describe('the work at the counter', () => {
  let township: RunningApp;
  let supervisor: RunningApp;
  let browser: Browser;
  let clerk: string;
  let desk: Page;
  let ticket: Ticket;
  let finished: Ticket;
  const problems: string[] = [];
  const birthDate = '1962-08-19';
  const name = `周${String.fromCharCode(0x4e00 + randomInt(0, 20000))}${String.fromCharCode(0x4e00 + randomInt(0, 20000))}`;
  const phone = `137${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const resident = freshResidentId(birthDate);
  const namesake = freshResidentId(birthDate);

  beforeAll(async () => {
    [township, supervisor] = await Promise.all([
      startApp('township', { PORT: String(PORT_BASE) }),
      startApp('supervisor', { PORT: String(PORT_BASE + 1) }),
    ]);
    browser = await launchChromium();
    clerk = await login(township.url, `clerk-${STATION}`);
    await clearCounter(township.url, STATION, COUNTER, clerk);
    for (const [residentId, withPhone] of [
      [resident, phone],
      [namesake, undefined],
    ] as const) {
      const enrolled = await call(`${township.url}/api/residents`, {
        token: clerk,
        body: {
          residentId,
          name,
          category: 'elderly',
          region: 'taibai-lake',
          ...(withPhone ? { phone: withPhone } : {}),
        },
      });
      expect(enrolled.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([township?.stop(), supervisor?.stop()]);
  }, 30_000);

  const problemOf = async (field: string) =>
    (
      (await desk.locator(`.person-finder label:has([name=${field}]) .problem`).textContent()) ?? ''
    ).trim();

  it("opens the started ticket's screen", async () => {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business: 'COVERAGE_ENQUIRY' },
    });
    expect(issued.status).toBe(201);
    ticket = issued.body;

    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    await desk.goto(`${township.url}/console`);
    await signIn(desk, `clerk-${STATION}`);
    // The counter is taken by its digit, as every step after it by its key.
    await desk.waitForSelector(`.counter[data-counter="${COUNTER}"]`);
    const counters = await desk
      .locator('.counter')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-counter')));
    await desk.keyboard.press(String(counters.indexOf(COUNTER) + 1));
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('[data-screen=coverage]', { state: 'visible' });
    await screenshot(desk, 'counter-screen-open');
  }, 60_000);

  it('ends the ticket as not handled with a reason picked by its key', async () => {
    await desk.keyboard.press('Escape');
    await desk.locator('body').focus();
    await desk.keyboard.press('c');
    await desk.waitForSelector('.dialog[data-dialog=complete]', { state: 'visible' });
    await desk.keyboard.press('4');
    await desk.waitForSelector('.dialog .reasons', { state: 'visible' });
    // Without a reason the dialog says so and sends nothing.
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.dialog .problem:text-is("请选择未办理原因")');
    await desk.locator('.dialog[data-dialog=complete] input[value=not-handled]').focus();
    await desk.keyboard.press('c');
    expect(await desk.isChecked('.dialog input[name=reason][value=resident-left]')).toBe(true);
    await screenshot(desk, 'counter-not-handled');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    await expect(desk.locator('.message').textContent()).resolves.toBe(
      `${ticket.number} 未办理：群众已离开`,
    );
    const read = await call(`${township.url}/api/tickets/${ticket.ticketId}`, { token: clerk });
    expect(read.body).toMatchObject({
      status: 'done',
      outcome: 'not-handled',
      reason: 'resident-left',
    });
  }, 30_000);

  it('lets a screen finish the next ticket with the record it made', async () => {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business: 'COVERAGE_ENQUIRY' },
    });
    finished = issued.body;
    await desk.waitForSelector(`.queue-list li .number:text-is("${finished.number}")`);
    await desk.keyboard.press('n');
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('.ticket-now .status.serving');
    // What a screen does when its work has made a record.
    const done = await desk.evaluate<boolean>(
      `Alpine.$data(document.body).finishWithRecord('${resident}', 'certificate')`,
    );
    expect(done).toBe(true);
    await expect(desk.locator('.message').textContent()).resolves.toBe(
      `${finished.number} 已办结 · 参保凭证 ${resident}`,
    );
    const read = await call(`${township.url}/api/tickets/${finished.ticketId}`, { token: clerk });
    expect(read.body).toMatchObject({
      outcome: 'done',
      recordId: resident,
      recordKind: 'certificate',
    });
  }, 30_000);

  it("shows the ticket in the counter's day", async () => {
    const record = desk.locator(`.history-table tr[data-ticket="${finished.ticketId}"] .record`);
    // The enquiry's screen took the focus for its ID field: Esc leaves it, then H is a key.
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('h');
    const row = desk.locator(`.history-table tr[data-ticket="${ticket.ticketId}"]`);
    await row.waitFor();
    await expect(row.locator('.outcome').textContent()).resolves.toBe('未办理：群众已离开');
    await desk.waitForSelector('.history-panel .totals:has-text("未办理")');
    await expect(record.textContent()).resolves.toBe(`参保凭证 ${resident}`);
    await screenshot(desk, 'counter-history');
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.history-panel', { state: 'hidden' });
  }, 30_000);

  it('finds a person by ID number, refusing a bad one on its field', async () => {
    await desk.keyboard.press('/');
    await desk.waitForSelector('.person-finder [name=residentId]:focus');
    await desk.keyboard.type(withWrongCheckDigit(resident));
    await desk.keyboard.press('Enter');
    await expect(problemOf('residentId')).resolves.toBe('校验位不符，请核对是否输错');
    await screenshot(desk, 'counter-person-bad-id');
    await desk.fill('.person-finder [name=residentId]', resident);
    await desk.keyboard.press('Enter');
    const profile = desk.locator(`.person-finder .profile[data-resident="${resident}"]`);
    await profile.waitFor();
    await expect(profile.locator('h3').textContent()).resolves.toBe(name);
    await expect(profile.locator('[data-fact=category]').textContent()).resolves.toBe('老年人');
    await screenshot(desk, 'counter-person-profile');
  }, 30_000);

  it('finds a person by name and birth date, and by phone', async () => {
    await desk.keyboard.press('Alt+2');
    await desk.waitForSelector('.person-finder [name=name]:focus');
    await desk.keyboard.type(name.split('').join(' '));
    await desk.keyboard.press('Tab');
    await desk.fill('.person-finder [name=birthDate]', birthDate);
    // The index is a projection a moment behind the log: ask again until both are there.
    for (let i = 0; i < 60; i++) {
      await desk.click('.person-finder button[data-action=find]');
      await desk.waitForSelector('.person-finder .found');
      if ((await desk.locator('.found-list button').count()) === 2) break;
      await desk.waitForTimeout(500);
    }
    await expect(desk.locator('.found-list button').count()).resolves.toBe(2);
    await screenshot(desk, 'counter-person-by-name');
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.person-finder .profile');

    await desk.keyboard.press('Alt+3');
    await desk.waitForSelector('.person-finder [name=phone]:focus');
    await desk.keyboard.type(phone);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.found-list button[data-resident="${resident}"]`);
    await expect(desk.locator('.found-list button').count()).resolves.toBe(1);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.person-finder .profile[data-resident="${resident}"]`);
    await screenshot(desk, 'counter-person-by-phone');
  }, 60_000);

  it('gives a screen the person the clerk picks', async () => {
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.person-finder', { state: 'hidden' });
    // What a screen does to take the resident from the finder.
    const picked = desk.evaluate<unknown>('Alpine.$data(document.body).findPerson()');
    await desk.waitForSelector('.person-finder [name=phone]:focus');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.found-list button[data-resident="${resident}"]:focus`);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.person-finder button[data-action=pick-person]', {
      state: 'visible',
    });
    await desk.keyboard.press('Control+Enter');
    await expect(picked).resolves.toMatchObject({ residentId: resident, name, birthDate });
    await desk.waitForSelector('.person-finder', { state: 'hidden' });
  }, 30_000);

  it('fits a tablet either way up, in English too', async () => {
    // Esc leaves whatever field the screen beside had focused, so / is a key, not a character.
    await desk.keyboard.press('Escape');
    await desk.setViewportSize({ width: 800, height: 1280 });
    await desk.keyboard.press('/');
    await desk.waitForSelector('.person-finder', { state: 'visible' });
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.found-list button[data-resident="${resident}"]:focus`);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.person-finder .profile');
    await screenshot(desk, 'counter-person-tablet-portrait');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('h');
    await desk.waitForSelector('.history-panel', { state: 'visible' });
    await screenshot(desk, 'counter-history-tablet-portrait');
    await desk.keyboard.press('Escape');
    await screenshot(desk, 'counter-desk-tablet-portrait');

    await desk.setViewportSize({ width: 1280, height: 800 });
    await desk.click('header button.lang');
    await desk.keyboard.press('/');
    await desk.waitForSelector('.person-finder h2:text-is("Find a person")');
    await screenshot(desk, 'counter-person-english');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('c');
    await screenshot(desk, 'counter-desk-english');
    await desk.click('header button.lang');
    const overflow = await desk.evaluate<boolean>(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth',
    );
    expect(overflow).toBe(false);
    expect(problems).toEqual([]);
  }, 30_000);
});
