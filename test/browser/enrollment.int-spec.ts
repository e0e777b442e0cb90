import type { Browser, Page } from 'playwright-core';
import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// A walk-in resident enrolled at a township station's console with the keyboard alone: the
// contribution taken, the receipt and the certificate printed, the ticket done with the resident.
const STATION = 'town-1';
const COUNTER = '3';
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 40;

interface Ticket {
  ticketId: string;
  number: string;
}

interface Certificate {
  residentId: string;
  name: string;
  year: number;
  scheme: string;
  status: string;
  region: string;
  issuedOn: string;
  stationId: string;
  code: string;
}

describe('resident enrollment and coverage enquiry at the console', () => {
  let township: RunningApp;
  let browser: Browser;
  let clerk: string;
  let desk: Page;
  const problems: string[] = [];
  const year = Number(shanghaiToday().slice(0, 4));
  const residentId = freshResidentId('1990-07-15');

  beforeAll(async () => {
    township = await startApp('township', { PORT: String(PORT_BASE + 1) });
    browser = await launchChromium();
    clerk = await login(township.url, `clerk-${STATION}`);
    await clearCounter(township.url, STATION, COUNTER, clerk);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await township?.stop();
  }, 30_000);

  const field = (name: string) => desk.locator(`.enrollment [name=${name}]`);
  const problemOf = async (name: string) =>
    (
      (await desk.locator(`.enrollment label:has([name=${name}]) .problem`).textContent()) ?? ''
    ).trim();
  const focused = () =>
    desk.evaluate<string | null>(
      "document.activeElement.getAttribute('name') || document.activeElement.getAttribute('data-action') || document.activeElement.getAttribute('data-counter')",
    );
  const figure = async (name: string) =>
    ((await desk.locator(`.enrollment [data-figure=${name}] dd`).textContent()) ?? '').trim();

  const payable = (yuan: string) =>
    desk.waitForFunction(
      `document.querySelector('.enrollment [data-figure=payable] dd')?.textContent === '${yuan}'`,
    );
  const printed = (count: number) => desk.waitForFunction(`window.printed === ${count}`);

  async function issue(business: string): Promise<Ticket> {
    const issued = await call<Ticket>(`${township.url}/api/stations/${STATION}/tickets`, {
      token: clerk,
      body: { business },
    });
    expect(issued.status).toBe(201);
    return issued.body;
  }

  /** Call and start the next ticket with N and S, as the clerk does. */
  async function serve(ticket: Ticket): Promise<void> {
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
  }

  let ticket: Ticket;

  it('signs in, takes a counter and opens the enrollment screen, all from the keyboard', async () => {
    ticket = await issue('ENROLL_RESIDENT');
    expect(ticket.number).toMatch(/^A\d{3}$/);
    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    // Printing opens the system dialog; the test counts the calls instead.
    await desk.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; };');
    await desk.goto(`${township.url}/console`);
    await desk.focus('input[name=username]');
    await desk.keyboard.type(`clerk-${STATION}`);
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('circle-demo');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.counter[data-counter="${COUNTER}"]`);
    // Tab to the counter and take it with Enter.
    for (let i = 0; i < 20 && (await focused()) !== COUNTER; i++) await desk.keyboard.press('Tab');
    await desk.keyboard.press('Enter');
    await serve(ticket);
    await desk.waitForSelector('.enrollment', { state: 'visible' });
    await desk.waitForSelector('.enrollment [name=residentId]:focus');
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      order.push((await focused()) ?? '');
      await desk.keyboard.press('Tab');
    }
    expect(order).toEqual([
      'residentId',
      'name',
      'phone',
      'category',
      'region',
      'address',
      'communityId',
      'enrol',
    ]);
    await field('residentId').focus();
  }, 90_000);

  it('names a bad ID number on its field', async () => {
    await desk.keyboard.type(withWrongCheckDigit(residentId));
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('李桂兰');
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('1370000');
    await desk.keyboard.press('Enter');
    await expect(problemOf('residentId')).resolves.toBe('校验位不符，请核对是否输错');
    await expect(problemOf('phone')).resolves.toBe('应为 11 位手机号，以 1 开头');
    await expect(focused()).resolves.toBe('residentId');
    await screenshot(desk, 'enrollment-bad-id');
  }, 30_000);

  it('quotes the contribution as the form changes, enrols, takes the payment and completes the ticket', async () => {
    await desk.keyboard.press('Control+a');
    await desk.keyboard.type(residentId);
    // The quote follows the ID as it is typed: 2022's figures, carried forward and said so.
    await desk.waitForSelector('.enrollment [data-figure=payable]');
    await expect(figure('individual')).resolves.toBe('320.00');
    await expect(figure('subsidy')).resolves.toBe('610.00');
    await expect(figure('payable')).resolves.toBe('320.00');
    await expect(
      desk.locator('.enrollment [data-figure=policyVersion]').textContent(),
    ).resolves.toMatch(/^taibai-lake@/);
    await desk.waitForSelector('.enrollment [data-figure=policyWarning]', { state: 'visible' });
    await field('phone').focus();
    await desk.keyboard.press('Control+a');
    await desk.keyboard.type('13700001234');
    await desk.keyboard.press('Tab');
    // Extreme poverty: the government pays the individual share; back to general.
    await field('category').selectOption('extreme-poverty');
    await payable('0.00');
    await screenshot(desk, 'enrollment-quote-waived');
    await field('category').selectOption('general');
    await field('category').focus();
    await payable('320.00');
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('太白湖新区许庄街道 8 号');
    await screenshot(desk, 'enrollment-form');
    await desk.keyboard.press('Enter');

    // Enrolled: the payment form takes the keyboard with what is owed filled in.
    await desk.waitForSelector('.enrollment [name=amount]:focus');
    await expect(field('amount').inputValue()).resolves.toBe('320.00');
    await expect(figure('outstanding')).resolves.toBe('320.00');
    // Cash, as chosen already: Enter on the method takes the payment too.
    await desk.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('method');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.enrollment [data-part=outcome]', { state: 'visible' });
    await expect(desk.locator('.enrollment [data-part=outcome]').textContent()).resolves.toContain(
      `${ticket.number} 已办结：参保人 李桂兰（${residentId}）`,
    );
    await expect(figure('outstanding')).resolves.toBe('0.00');
    await screenshot(desk, 'enrollment-paid');

    const done = await call(`${township.url}/api/tickets/${ticket.ticketId}`, { token: clerk });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'done', recordId: residentId });
    const coverage = await call(`${township.url}/api/residents/${residentId}/coverage`, {
      token: clerk,
    });
    expect(coverage.body).toMatchObject({ name: '李桂兰', status: 'active', paid: true, year });
  }, 60_000);

  it('prints the receipt and the certificate, whose code the API verifies', async () => {
    await desk.evaluate('document.activeElement && document.activeElement.blur()');
    await desk.keyboard.press('p');
    await printed(1);
    await desk.emulateMedia({ media: 'print' });
    await expect(desk.locator('.paper-sheet[data-paper=receipt]').isVisible()).resolves.toBe(true);
    await expect(desk.locator('main').isVisible()).resolves.toBe(false);
    await expect(
      desk.locator('.paper-sheet[data-paper=receipt] [data-fact=amount]').textContent(),
    ).resolves.toBe('320.00');
    await expect(
      desk.locator('.paper-sheet[data-paper=receipt] [data-fact=residentId]').textContent(),
    ).resolves.toBe(`**************${residentId.slice(-4)}`);
    await screenshot(desk, 'enrollment-receipt', { fullPage: true });
    await desk.emulateMedia({ media: 'screen' });

    await desk.keyboard.press('e');
    await printed(2);
    await desk.emulateMedia({ media: 'print' });
    const sheet = desk.locator('.paper-sheet[data-paper=certificate]');
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(desk.locator('.paper-sheet[data-paper=receipt]').isVisible()).resolves.toBe(false);
    const code = (await sheet.locator('[data-fact=code]').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(desk, 'enrollment-certificate', { fullPage: true });
    await desk.emulateMedia({ media: 'screen' });

    const issued = await call<Certificate>(
      `${township.url}/api/residents/${residentId}/certificate?year=${year}`,
      { token: clerk },
    );
    expect(issued.body).toMatchObject({ residentId, name: '李桂兰', status: 'active', code });
    const facts: Partial<Certificate> = { ...issued.body };
    delete facts.code;
    const verify = (body: object) =>
      call<{ valid: boolean }>(`${township.url}/api/certificates/verify`, { body });
    // Anyone may check, without signing in; a changed fact no longer matches.
    await expect(verify({ ...facts, code: code.toLowerCase() })).resolves.toMatchObject({
      status: 200,
      body: { valid: true },
    });
    await expect(verify({ ...facts, name: '李桂', code })).resolves.toMatchObject({
      body: { valid: false },
    });

    // Whoever is handed the paper checks it on the verify page, without an account.
    const checker = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    watchProblems(checker, problems);
    await checker.goto(`${township.url}/verify`);
    await checker.waitForSelector('.verify [name=code]:focus');
    await checker.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    const typed: [string, string][] = [
      ['residentId', residentId],
      ['name', '李桂兰'],
      ['issuedOn', issued.body.issuedOn],
    ];
    for (const [name, value] of typed) await checker.fill(`.verify [name=${name}]`, value);
    await checker.selectOption('.verify [name=stationId]', STATION);
    await checker.focus('.verify [name=name]');
    await checker.keyboard.press('Enter');
    await checker.waitForSelector('.verdict.valid');
    await screenshot(checker, 'certificate-verified');
    await checker.fill('.verify [name=name]', '李桂');
    await checker.keyboard.press('Enter');
    await checker.waitForSelector('.verdict.invalid');
    await screenshot(checker, 'certificate-not-matching');
    await checker.close();
  }, 60_000);

  it('shows a second enrollment of the same person as the 409 on the ID, in words', async () => {
    const again = await issue('ENROLL_RESIDENT');
    await serve(again);
    await desk.waitForSelector('.enrollment [name=residentId]:focus');
    await expect(field('residentId').inputValue()).resolves.toBe('');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('李桂兰');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.enrollment label.invalid:has([name=residentId])');
    await expect(problemOf('residentId')).resolves.toBe(
      `此人已登记 ${year} 年度城乡居民医保，不能重复参保`,
    );
    await payable('320.00');
    await screenshot(desk, 'enrollment-duplicate');
    // The words follow the language switch.
    await desk.click('header button.lang');
    await expect(problemOf('residentId')).resolves.toBe(
      `This person is already enrolled for ${year}; a resident enrols once a year`,
    );
    await screenshot(desk, 'enrollment-duplicate-english');
    await desk.click('header button.lang');
    // Nothing to record: the ticket ends as referred; the console lets go of it.
    const ended = await call(`${township.url}/api/tickets/${again.ticketId}/complete`, {
      token: clerk,
      body: { outcome: 'referred' },
    });
    expect(ended.status).toBe(200);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
  }, 60_000);

  it('looks a resident up, prints the certificate and completes the enquiry, on a tablet', async () => {
    await desk.setViewportSize({ width: 800, height: 1280 });
    const enquiry = await issue('COVERAGE_ENQUIRY');
    await serve(enquiry);
    await desk.waitForSelector('.coverage-enquiry [name=residentId]:focus');
    await desk.keyboard.type(withWrongCheckDigit(residentId));
    await desk.keyboard.press('Enter');
    await expect(
      desk.locator('.coverage-enquiry label:has([name=residentId]) .problem').textContent(),
    ).resolves.toBe('校验位不符，请核对是否输错');
    // The resident came without their card: P opens the console's person finder, whose pick
    // (Ctrl+Enter) brings the person back to the enquiry.
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('p');
    await desk.waitForSelector('.person-finder [name=residentId]:focus');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.person-finder button[data-action=pick-person]', {
      state: 'visible',
    });
    await desk.keyboard.press('Control+Enter');
    await desk.waitForSelector('.person-finder', { state: 'hidden' });
    await desk.waitForSelector(`.coverage-enquiry tr[data-year="${year}"]`);
    await expect(desk.locator('.coverage-enquiry [name=residentId]').inputValue()).resolves.toBe(
      residentId,
    );
    await expect(
      desk.locator('.coverage-enquiry [data-figure=name] dd').textContent(),
    ).resolves.toBe('李桂兰');
    await screenshot(desk, 'coverage-enquiry-tablet', { fullPage: true });
    await desk.keyboard.press('Escape');
    const before = await desk.evaluate<number>('window.printed');
    await desk.keyboard.press('e');
    await printed(before + 1);
    await desk.keyboard.press('f');
    await desk.waitForSelector('.coverage-enquiry [data-part=outcome]', { state: 'visible' });
    const done = await call(`${township.url}/api/tickets/${enquiry.ticketId}`, { token: clerk });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'done', recordId: residentId });
    await desk.emulateMedia({ media: 'print' });
    await expect(
      desk.locator('.paper-sheet[data-paper=certificate] [data-fact=name]').textContent(),
    ).resolves.toBe('李桂兰');
    await desk.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  }, 60_000);
});
