import type { Browser, Locator, Page } from 'playwright-core';
import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// A manual reimbursement taken in at the hall's counter, then reviewed, adjusted and approved.
const COUNTER = '6';
// Apart from the default test ports and from the settlement suite's.
const HALL_PORT = Number(process.env.TEST_PORT_BASE ?? 4100) + 56;

interface Ticket {
  ticketId: string;
  number: string;
}

interface Claim {
  claimId: string;
  status: string;
  totalFen: number;
  inScopeFen: number;
  settlement: { settlementId: string; hifp_pay: number } | null;
}

describe('a reimbursement claim at the hall console', () => {
  let hall: RunningApp;
  let browser: Browser;
  let clerk: string;
  let desk: Page;
  const problems: string[] = [];
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const residentId = freshResidentId('1979-11-23');

  beforeAll(async () => {
    hall = await startApp('hall', { PORT: String(HALL_PORT) });
    browser = await launchChromium();
    clerk = await login(hall.url, 'clerk-hall');
    const enrolled = await call<{ outstandingFen: number }>(`${hall.url}/api/residents`, {
      token: clerk,
      body: { residentId, name: '刘建华', category: 'general', region: 'taibai-lake', year },
    });
    expect(enrolled.status).toBe(201);
    const paid = await call(
      `${hall.url}/api/residents/${residentId}/contributions/${year}/payments`,
      { token: clerk, body: { amountFen: enrolled.body.outstandingFen, method: 'cash' } },
    );
    expect(paid.status).toBe(201);
    await clearCounter(hall.url, 'hall', COUNTER, clerk);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  }, 30_000);

  function field(name: string): Locator {
    return desk.locator(`.claim-screen [name="${name}"]`);
  }

  async function problemOf(name: string): Promise<string> {
    const cell = desk.locator(`.claim-screen .invalid:has([name="${name}"])`);
    return ((await cell.locator('.problem').textContent()) ?? '').trim();
  }

  let ticket: Ticket;
  let claimId: string;

  it('takes a claim in for the resident at the counter', async () => {
    const issued = await call<Ticket>(`${hall.url}/api/stations/hall/tickets`, {
      token: clerk,
      body: { business: 'MANUAL_REIMBURSEMENT' },
    });
    expect(issued.status).toBe(201);
    ticket = issued.body;
    expect(ticket.number).toMatch(/^G\d{3}$/);

    desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    watchProblems(desk, problems);
    await desk.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; };');
    await desk.goto(`${hall.url}/console`);
    await signIn(desk, 'clerk-hall');
    await desk.click(`.counter[data-counter="${COUNTER}"]`);
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector(`.ticket-now .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector('.claim-screen', { state: 'visible' });
    await expect(desk.locator('.claim-screen h2').textContent()).resolves.toBe('零星报销受理');

    await field('residentId').fill(residentId);
    await field('lines[0].description').fill('住院医疗费');
    await field('lines[0].total').fill('30000');
    await field('lines[0].inScope').fill('30000.01');
    // Enter in a line's last amount adds the next line.
    await field('lines[0].inScope').press('Enter');
    await field('lines[1].description').fill('门诊检查费');
    await field('lines[1].total').fill('500');
    await field('lines[1].inScope').fill('450.5');
    await field('attachments[0].reference').fill('SCAN-2026-0001');
    await field('attachments[0].description').fill('住院发票');
    await desk.keyboard.press('Control+Enter');
    await expect(problemOf('lines[0].inScope')).resolves.toBe('政策范围内金额不能大于医疗费总额');
    await screenshot(desk, 'claim-refusal');

    // The resident is a general resident: the API refuses another category, naming the field.
    await field('lines[0].inScope').fill('26000');
    await field('insuredCategory').selectOption('elderly');
    await desk.keyboard.press('Control+Enter');
    await desk.waitForSelector('.claim-screen label.invalid:has([name=insuredCategory])');
    await expect(problemOf('insuredCategory')).resolves.toContain('general');
    await field('insuredCategory').selectOption('general');

    await desk.keyboard.press('Control+Enter');
    await desk.waitForSelector('.claim-screen .settled-note', { state: 'visible' });
    claimId = /CLM-\d{8}-[0-9a-f]{12}/.exec(
      (await desk.locator('.claim-screen .settled-note').textContent())!,
    )![0];
    await desk.waitForSelector(`.message:text-is("${ticket.number} 已办结")`);
    await expect(desk.locator('.claim-screen tfoot td.amount').allTextContents()).resolves.toEqual([
      '30,500.00',
      '26,450.50',
    ]);
    await screenshot(desk, 'claim-submitted');
    await desk.click('header button.lang');
    await desk.waitForSelector('.claim-screen h2:text-is("Manual reimbursement claim")');
    await screenshot(desk, 'claim-english');
    await desk.click('header button.lang');

    const done = await call(`${hall.url}/api/tickets/${ticket.ticketId}`, { token: clerk });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'done', recordId: claimId });
    const claim = await call<Claim>(`${hall.url}/api/claims/${claimId}`, { token: clerk });
    expect(claim.body).toMatchObject({ status: 'submitted', totalFen: 3_050_000 });
  }, 90_000);

  it('lists the claim for review, adjusts a line with a reason and approves it', async () => {
    await desk.click('header button[data-action=review]');
    await desk.waitForSelector(`.claims-table tr[data-claim="${claimId}"]`);
    await screenshot(desk, 'review-list');
    await desk.click(`.claims-table tr[data-claim="${claimId}"]`);
    await desk.waitForSelector(`.claim-detail[data-claim="${claimId}"]`);

    await desk.keyboard.press('e');
    await desk.locator('.review [name="adjust[1].inScope"]').fill('400');
    await desk.locator('.review [name=reason]').fill('检查费超出限价部分自付');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.claim-status .state:text-is("已调整")');
    await screenshot(desk, 'review-adjusted');

    await desk.keyboard.press('a');
    await desk.waitForSelector('.claim-status .state:text-is("已结算")');
    await desk.waitForSelector('.review .settlement-result tr[data-layer]');
    const claim = await call<Claim>(`${hall.url}/api/claims/${claimId}`, { token: clerk });
    expect(claim.body).toMatchObject({ status: 'settled', inScopeFen: 2_640_000 });
    const shown = await desk.locator('.review [data-field=hifp_pay] dd').textContent();
    expect(shown).toBe(formatYuan(claim.body.settlement!.hifp_pay));
    await screenshot(desk, 'review-approved', { fullPage: true });

    await desk.keyboard.press('p');
    await expect(desk.evaluate<number>('window.printed')).resolves.toBe(1);
    await desk.emulateMedia({ media: 'print' });
    await expect(
      desk.locator('.statement-sheet [data-fact=settlementId]').textContent(),
    ).resolves.toBe(claim.body.settlement!.settlementId);
    await screenshot(desk, 'review-statement', { fullPage: true });
    await desk.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('rejects another claim with a reason, and speaks English when asked', async () => {
    const second = await call<Claim>(`${hall.url}/api/claims`, {
      token: clerk,
      body: {
        kind: 'manual',
        residentId,
        region: 'taibai-lake',
        scheme: 'resident',
        insuredCategory: 'general',
        setting: 'outpatient',
        tier: 1,
        date: today,
        lines: [{ description: '门诊药费', totalFen: 12_000, inScopeFen: 10_000 }],
      },
    });
    expect(second.status).toBe(201);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector(`.claims-table tr[data-claim="${second.body.claimId}"]`);
    await desk.click(`.claims-table tr[data-claim="${second.body.claimId}"]`);
    await desk.waitForSelector(`.claim-detail[data-claim="${second.body.claimId}"]`);
    await desk.keyboard.press('r');
    await desk.locator('.review [name=reason]').fill('发票为复印件，请提供原件');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.claim-status .state:text-is("已拒绝")');

    await desk.click('header button.lang');
    await desk.waitForSelector('.review h2:text-is("Claims review")');
    await expect(desk.locator('.claim-status .state').textContent()).resolves.toBe('Rejected');
    await screenshot(desk, 'review-english');
    await desk.click('header button.lang');
    expect(problems).toEqual([]);
  }, 60_000);
});

function formatYuan(fen: number): string {
  const cents = fen % 100;
  return `${((fen - cents) / 100).toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
}
