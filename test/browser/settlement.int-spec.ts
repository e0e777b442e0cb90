import type { Browser, Locator, Page } from 'playwright-core';
import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// A discharge at a tier-2 hospital station, settled by its clerk in Chromium.
const STATION = 'hosp-2';
const COUNTER = '2';
// Apart from the default test ports, so this suite runs beside the others.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 50;

interface Ticket {
  ticketId: string;
  number: string;
}

interface SettlementLine {
  layer: string;
  zh: string;
  en: string;
}

interface Settlement {
  settlementId: string;
  residentId: string;
  hifp_pay: number;
  lines: SettlementLine[];
  policyWarning: { messageZh: string } | null;
}

describe('a discharge settled at the hospital station console', () => {
  let hall: RunningApp;
  let hospital: RunningApp;
  let browser: Browser;
  let hospitalClerk: string;
  let desk: Page;
  const problems: string[] = [];
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const residentId = freshResidentId('1968-03-15');

  beforeAll(async () => {
    [hall, hospital] = await Promise.all([
      startApp('hall', { PORT: String(PORT_BASE) }),
      startApp('hospital', { PORT: String(PORT_BASE + 2) }),
    ]);
    browser = await launchChromium();
    hospitalClerk = await login(hospital.url, `clerk-${STATION}`);
    await enrolAndPay(await login(hall.url, 'clerk-hall'));
    await clearCounter(hospital.url, STATION, COUNTER, hospitalClerk);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([hall, hospital].map((app) => app?.stop()));
  }, 30_000);

  /** The resident has paid this year's contribution at the hall, so they are covered today. */
  async function enrolAndPay(hallClerk: string): Promise<void> {
    const enrolled = await call<{ outstandingFen: number }>(`${hall.url}/api/residents`, {
      token: hallClerk,
      body: { residentId, name: '王秀英', category: 'general', region: 'taibai-lake', year },
    });
    expect(enrolled.status).toBe(201);
    const paid = await call(
      `${hall.url}/api/residents/${residentId}/contributions/${year}/payments`,
      {
        token: hallClerk,
        body: { amountFen: enrolled.body.outstandingFen, method: 'cash' },
      },
    );
    expect(paid.status).toBe(201);
  }

  function field(name: string): Locator {
    return desk.locator(`.settlement [name=${name}]`);
  }

  async function problemOf(name: string): Promise<string> {
    const label = desk.locator(
      `.settlement label:has([name=${name}]), .settlement [data-field=${name}]`,
    );
    return ((await label.locator('.problem').textContent()) ?? '').trim();
  }

  /** The name (or action) of the element with the keyboard focus. */
  function focused(): Promise<string | null> {
    return desk.evaluate<string | null>(
      "document.activeElement.getAttribute('name') || document.activeElement.getAttribute('data-action')",
    );
  }

  let ticket: Ticket;
  let settlementId: string;

  it('opens the settlement panel on a started discharge ticket', async () => {
    const issued = await call<Ticket>(`${hospital.url}/api/stations/${STATION}/tickets`, {
      token: hospitalClerk,
      body: { business: 'DISCHARGE_SETTLEMENT' },
    });
    expect(issued.status).toBe(201);
    ticket = issued.body;
    expect(ticket.number).toMatch(/^K\d{3}$/);

    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    // Printing opens the system dialog; the test counts the calls instead.
    await desk.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; };');
    await desk.goto(`${hospital.url}/console`);
    await signIn(desk, `clerk-${STATION}`);
    await desk.click(`.counter[data-counter="${COUNTER}"]`);
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    expect(await desk.locator('.settlement').isVisible()).toBe(false);
    await desk.keyboard.press('s');
    await desk.waitForSelector('.settlement', { state: 'visible' });
    // The ID number takes the first keystroke; the form's tab order follows the bill.
    await expect(focused()).resolves.toBe('residentId');
    await expect(desk.locator('.settlement output[name=tier]').textContent()).resolves.toBe(
      '二级医院',
    );
    await expect(field('date').inputValue()).resolves.toBe(today);
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      const name = await focused();
      if (name && order.at(-1) !== name) order.push(name);
      await desk.keyboard.press('Tab');
    }
    expect(order.slice(0, 10)).toEqual([
      'residentId',
      'admissionId',
      'date',
      'region',
      'scheme',
      'insuredCategory',
      'setting',
      'total',
      'inScope',
      'quote',
    ]);
    await field('residentId').focus();
  }, 60_000);

  it('shows refusals on the field they name, before and after sending', async () => {
    await (
      await field('residentId')
    ).fill(`${residentId.slice(0, 17)}${residentId.endsWith('1') ? '2' : '1'}`);
    await field('total').fill('100');
    await field('inScope').fill('200.5');
    await desk.keyboard.press('Enter');
    await expect(problemOf('residentId')).resolves.toBe('校验位不符，请核对是否输错');
    await expect(problemOf('inScope')).resolves.toBe('政策范围内金额不能大于医疗费总额');
    await screenshot(desk, 'settlement-refusal');

    // The resident is a general resident: the API refuses another category, naming the field.
    await field('residentId').fill(residentId);
    await field('inScope').fill('80');
    await field('insuredCategory').selectOption('elderly');
    await desk.click('.settlement button[data-action=quote]');
    await desk.waitForSelector('.settlement label.invalid:has([name=insuredCategory])');
    await expect(problemOf('insuredCategory')).resolves.toContain('general');
    expect(await problemOf('residentId')).toBe('');
    await screenshot(desk, 'settlement-refusal-api');
    await field('insuredCategory').selectOption('general');
  }, 30_000);

  it('quotes layer by layer, then settles once with the keyboard', async () => {
    await field('admissionId').fill('ZY2026-0042');
    await field('total').fill('30000');
    await field('inScope').fill('26000.00');
    await field('inScope').press('Enter');
    await desk.waitForSelector('.settlement-result tr[data-layer]');
    await expect(
      desk.locator('.settlement-result [data-field=inscp_scp_amt] dd').textContent(),
    ).resolves.toBe('26,000.00');
    // DOMAIN's worked example: secondary hospital, in-scope 26,000 → basic fund 19,200.
    await expect(
      desk.locator('.settlement-result [data-field=hifp_pay] dd').textContent(),
    ).resolves.toBe('19,200.00');
    await screenshot(desk, 'settlement-quote');

    await desk.keyboard.press('Control+Enter');
    await desk.waitForSelector('.settled-note', { state: 'visible' });
    settlementId = (await desk.locator('.statement-sheet [data-fact=settlementId]').textContent())!;
    expect(settlementId).toMatch(/^STL-/);
    await desk.waitForSelector(`.message:text-is("${ticket.number} 已办结")`);
    // A second press does nothing: the bill is settled.
    await desk.keyboard.press('Control+Enter');
    await screenshot(desk, 'settlement-settled');

    const done = await call(`${hospital.url}/api/tickets/${ticket.ticketId}`, {
      token: hospitalClerk,
    });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'done', recordId: settlementId });
    // One settlement for the admission, however often Settle was pressed.
    const benefitYear = await call(
      `${hospital.url}/api/residents/${residentId}/benefit-year?year=${year}`,
      { token: hospitalClerk },
    );
    expect(benefitYear.body).toMatchObject({
      totals: { admissions: 1, basicFundFen: 1_920_000 },
      settlements: [expect.objectContaining({ settlementId, admissionId: 'ZY2026-0042' })],
    });
  }, 60_000);

  it('prints a statement with the ID masked but for its last four characters', async () => {
    await desk.keyboard.press('p');
    await expect(desk.evaluate<number>('window.printed')).resolves.toBe(1);
    const record = await call<Settlement>(`${hospital.url}/api/settlements/${settlementId}`, {
      token: hospitalClerk,
    });
    expect(record.status).toBe(200);
    await desk.emulateMedia({ media: 'print' });
    await expect(desk.locator('.statement-sheet').isVisible()).resolves.toBe(true);
    await expect(desk.locator('main').isVisible()).resolves.toBe(false);
    await expect(
      desk.locator('.statement-sheet [data-fact=residentId]').textContent(),
    ).resolves.toBe(`**************${residentId.slice(-4)}`);
    await expect(desk.locator('.statement-sheet tbody tr').count()).resolves.toBeGreaterThanOrEqual(
      record.body.lines.length + 8,
    );
    await screenshot(desk, 'settlement-statement', { fullPage: true });
    await desk.emulateMedia({ media: 'screen' });
  }, 30_000);

  it('switches the lines to English', async () => {
    const record = await call<Settlement>(`${hospital.url}/api/settlements/${settlementId}`, {
      token: hospitalClerk,
    });
    await desk.click('header button.lang');
    await desk.waitForSelector('.settlement h2:text-is("One-stop discharge settlement")');
    await expect(
      desk.locator('.settlement-result tbody tr td:first-child').allTextContents(),
    ).resolves.toEqual(record.body.lines.map((line) => line.en));
    await screenshot(desk, 'settlement-english');
    await desk.click('header button.lang');
    expect(problems).toEqual([]);
  }, 30_000);
});
