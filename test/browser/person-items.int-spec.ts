import type { Browser, Page } from 'playwright-core';
import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { call, login } from '../support/http';
import { launchChromium, screenshot, signIn, watchProblems } from './browser';
import { clearCounter, shanghaiToday } from './counter-fixtures';

// Off-site filing, chronic qualification and coverage transfer done at the consoles of a
// township station, a hospital station and the hall, each ticket completed with its record.
// Ports of their own (TEST_PORT_BASE + 94 … 96), apart from the other suites' apps.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 94;
// Counters the authorization suite leaves as the seed made them.
const COUNTER = { 'town-1': '2', 'hosp-1': '1', hall: '5' } as const;
type Station = keyof typeof COUNTER;

interface Ticket {
  ticketId: string;
  number: string;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the projection did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('filing, qualification and transfer at the console', () => {
  const apps = {} as Record<Station, RunningApp>;
  // The supervisor runs the projections, the deadlines one among them, that the open lists read.
  let supervisor: RunningApp;
  const clerks = {} as Record<Station, string>;
  let browser: Browser;
  let desk: Page;
  const problems: string[] = [];
  const residentId = freshResidentId('1958-03-21');

  beforeAll(async () => {
    [apps['hall'], apps['town-1'], apps['hosp-1'], supervisor] = await Promise.all([
      startApp('hall', { PORT: String(PORT_BASE) }),
      startApp('township', { PORT: String(PORT_BASE + 1) }),
      startApp('hospital', { PORT: String(PORT_BASE + 2) }),
      startApp('supervisor', { PORT: String(PORT_BASE + 3) }),
    ]);
    browser = await launchChromium();
    for (const station of Object.keys(COUNTER) as Station[]) {
      clerks[station] = await login(apps[station].url, `clerk-${station}`);
      await clearCounter(apps[station].url, station, COUNTER[station], clerks[station]);
    }
    const enrolled = await call(`${apps['town-1'].url}/api/residents`, {
      token: clerks['town-1'],
      body: {
        residentId,
        name: '周淑珍',
        phone: '13700000031',
        category: 'general',
        region: 'taibai-lake',
        year: Number(shanghaiToday().slice(0, 4)),
      },
    });
    expect(enrolled.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...Object.values(apps), supervisor].map((app) => app?.stop()));
  }, 30_000);

  const field = (screen: string, name: string) => desk.locator(`.${screen} [name=${name}]`);
  const problemOf = async (screen: string, name: string) =>
    (
      (await desk
        .locator(`.${screen} label:has([name=${name}]):visible .problem`)
        .first()
        .textContent()) ?? ''
    ).trim();
  const focused = () => desk.evaluate<string | null>("document.activeElement.getAttribute('name')");

  async function issue(station: Station, business: string): Promise<Ticket> {
    const issued = await call<Ticket>(`${apps[station].url}/api/stations/${station}/tickets`, {
      token: clerks[station],
      body: { business },
    });
    expect(issued.status).toBe(201);
    return issued.body;
  }

  /** Signs the clerk in at the station's counter (once per station) and starts the ticket. */
  async function serve(station: Station, ticket: Ticket, screen: string): Promise<void> {
    if (!desk || !desk.url().startsWith(apps[station].url)) {
      if (desk) await desk.close();
      desk = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      watchProblems(desk, problems);
      await desk.goto(`${apps[station].url}/console`);
      await signIn(desk, `clerk-${station}`);
      await desk.click(`.counter[data-counter="${COUNTER[station]}"]`);
    }
    await desk.waitForSelector(`.queue-list li .number:text-is("${ticket.number}")`);
    await desk.waitForSelector('button[data-action=call-next]:not([disabled])');
    await desk.keyboard.press('n');
    await desk.waitForSelector('button[data-action=start]:not([disabled])');
    await desk.keyboard.press('s');
    await desk.waitForSelector(`.${screen} [name=residentId]:focus`);
  }

  async function expectDone(station: Station, ticket: Ticket, recordKind: string) {
    await desk.waitForSelector('.ticket-none', { state: 'visible' });
    const done = await call<{ recordId: string }>(
      `${apps[station].url}/api/tickets/${ticket.ticketId}`,
      { token: clerks[station] },
    );
    expect(done.body).toMatchObject({ status: 'done', outcome: 'done', recordKind });
    return done.body.recordId;
  }

  it('files a referral at a township station, refusals on the fields they name', async () => {
    const ticket = await issue('town-1', 'OFFSITE_FILING');
    await serve('town-1', ticket, 'filing');

    await desk.keyboard.type(withWrongCheckDigit(residentId));
    await desk.keyboard.press('Enter');
    await expect(problemOf('filing', 'residentId')).resolves.toBe('校验位不符，请核对是否输错');
    // A valid ID nobody holds: only the API knows, and its 404 lands on the ID.
    await field('filing', 'residentId').fill(freshResidentId('1971-02-02'));
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.filing label.invalid:has([name=residentId])');
    await expect(problemOf('filing', 'residentId')).resolves.toBe('查无此人：请先办理参保登记');

    await field('filing', 'residentId').fill(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.filing [name=filingType]:focus');
    await expect(desk.locator('.filing .fixed output').textContent()).resolves.toContain('周淑珍');

    // The tab order follows the form.
    const order: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(await focused());
      await desk.keyboard.press('Tab');
    }
    expect(order).toEqual([
      'filingType',
      'destinationScope',
      'destinationRegion',
      'destinationHospital',
      'validFrom',
      'validTo',
    ]);

    // Temporary treatment within the province: the form asks for its end date first, then
    // the policy in force says no such filing is needed, on the type.
    await field('filing', 'filingType').selectOption('temporary');
    await field('filing', 'destinationScope').selectOption('in-province');
    await field('filing', 'destinationRegion').fill('济南市');
    await field('filing', 'destinationRegion').press('Enter');
    await expect(problemOf('filing', 'validTo')).resolves.toBe('临时外出就医须填写有效期截止日');
    await expect(focused()).resolves.toBe('validTo');
    await desk.keyboard.type('2099-12-31');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.filing label.invalid:has([name=filingType])');
    await expect(problemOf('filing', 'filingType')).resolves.toBe(
      '现行政策不再要求此类备案：此类费用可直接结算',
    );
    await screenshot(desk, 'filing-refusal');

    await field('filing', 'filingType').selectOption('referral');
    await field('filing', 'destinationScope').selectOption('out-of-province');
    await field('filing', 'destinationRegion').fill('北京市');
    await field('filing', 'validTo').fill('');
    await field('filing', 'destinationHospital').focus();
    await desk.keyboard.press('Enter');
    await expect(problemOf('filing', 'destinationHospital')).resolves.toBe(
      '转诊转院须填写转往的医院',
    );
    await desk.keyboard.type('北京协和医院');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.filing .settled-note:visible');
    const recordId = await expectDone('town-1', ticket, 'filing');
    await expect(desk.locator('.filing .items-on-file li.fresh').textContent()).resolves.toContain(
      '北京协和医院',
    );
    await screenshot(desk, 'filing-done');
    const file = await call<{ filings: { filingId: string; filingType: string }[] }>(
      `${apps['town-1'].url}/api/residents/${residentId}/coverage`,
      { token: clerks['town-1'] },
    );
    expect(file.body.filings).toEqual([
      expect.objectContaining({ filingId: recordId, filingType: 'referral' }),
    ]);
    // Esc leaves a field, then the finished screen.
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.filing', { state: 'hidden' });
  }, 60_000);

  it('applies for a qualification with its clock, and decides it with its reason', async () => {
    const ticket = await issue('town-1', 'CHRONIC_QUALIFICATION');
    await serve('town-1', ticket, 'qualification');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification [name=disease]:focus');
    await field('qualification', 'disease').selectOption('hypertension');
    await desk.keyboard.press('Enter');

    // The application is pending with one working day on its clock, and chosen for a decision.
    await desk.waitForSelector('.qualification [name=decision]:focus');
    const pending = desk.locator('.qualification .items-on-file li[data-status=pending]');
    await expect(pending.locator('.clock').textContent()).resolves.toMatch(/^待认定 · 剩 \d/);
    await screenshot(desk, 'qualification-pending');

    // D rejects, and a rejection needs its reason.
    await desk.locator('.qualification [name=decision]').blur();
    await desk.keyboard.press('d');
    await expect(focused()).resolves.toBe('reason');
    await desk.keyboard.press('Enter');
    await expect(problemOf('qualification', 'reason')).resolves.toBe('必填');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('a');
    await expect(focused()).resolves.toBe('reason');
    await desk.keyboard.type('病历齐全');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification .settled-note:has-text("认定通过")');
    await expect(desk.locator('.qualification .settled-note').textContent()).resolves.toBe(
      '高血压资格认定通过',
    );
    const recordId = await expectDone('town-1', ticket, 'qualification');
    const file = await call<{ qualifications: { qualificationId: string; status: string }[] }>(
      `${apps['town-1'].url}/api/residents/${residentId}/coverage`,
      { token: clerks['town-1'] },
    );
    expect(file.body.qualifications).toEqual([
      expect.objectContaining({ qualificationId: recordId, status: 'approved' }),
    ]);
    await screenshot(desk, 'qualification-decided');
  }, 60_000);

  it('takes a qualification and a referral at a hospital station, and refuses what it may not file', async () => {
    const ticket = await issue('hosp-1', 'CHRONIC_QUALIFICATION');
    await serve('hosp-1', ticket, 'qualification');
    // Someone insured nowhere here: the API's refusal lands on the ID, in words.
    await desk.keyboard.type(freshResidentId('1966-06-06'));
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification [name=disease]:focus');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification label.invalid:has([name=residentId])');
    await expect(problemOf('qualification', 'residentId')).resolves.toBe(
      '此人本地未参保（居民、职工均无），请先办理参保登记',
    );
    await expect(focused()).resolves.toBe('residentId');
    await desk.keyboard.press('Control+A');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification [name=disease]:focus');
    await expect(desk.locator('.qualification .fixed output').textContent()).resolves.toBe(
      '本站不能查看参保档案，提交时由系统核验此人',
    );
    // Already approved at the township station: the 409 lands on the disease.
    await field('qualification', 'disease').selectOption('hypertension');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification label.invalid:has([name=disease])');
    await expect(problemOf('qualification', 'disease')).resolves.toBe('该病种本年度已申请或已认定');
    await field('qualification', 'disease').selectOption('diabetes');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification [name=decision]:focus');
    await screenshot(desk, 'qualification-hospital');
    // Left pending, to be decided within the working day: F completes the ticket with it.
    await desk.locator('.qualification [name=decision]').blur();
    await desk.keyboard.press('f');
    const qualificationId = await expectDone('hosp-1', ticket, 'qualification');

    const filing = await issue('hosp-1', 'OFFSITE_FILING');
    await serve('hosp-1', filing, 'filing');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.filing [name=filingType]:focus');
    await field('filing', 'filingType').selectOption('relocated');
    await field('filing', 'destinationRegion').fill('上海市');
    await field('filing', 'destinationRegion').press('Enter');
    await desk.waitForSelector('.filing label.invalid:has([name=filingType])');
    await expect(problemOf('filing', 'filingType')).resolves.toBe(
      '医院服务站只办理转诊转院备案，其他类型请到大厅或街道服务站办理',
    );
    await screenshot(desk, 'filing-hospital-refusal');
    await field('filing', 'filingType').selectOption('referral');
    await field('filing', 'destinationHospital').fill('上海市第六人民医院');
    await field('filing', 'destinationHospital').press('Enter');
    await expectDone('hosp-1', filing, 'filing');

    // Decided later at the hospital, which may not read the file: the station's open list has
    // the application with its clock, and 1 takes it for a decision.
    await until(async () => {
      const open = await call<{ id: string }[]>(`${apps['hosp-1'].url}/api/qualifications/open`, {
        token: clerks['hosp-1'],
      });
      return open.body.some((item) => item.id === qualificationId);
    });
    const again = await issue('hosp-1', 'CHRONIC_QUALIFICATION');
    await serve('hosp-1', again, 'qualification');
    const listed = desk.locator(
      `.qualification .station-open button[data-item="${qualificationId}"]`,
    );
    await expect(listed.textContent()).resolves.toMatch(/周\*\*\s*糖尿病\s*剩 \d/);
    await screenshot(desk, 'qualification-station-open');
    const position = await desk
      .locator('.qualification .station-open button')
      .evaluateAll(
        (rows, id) => rows.findIndex((r) => r.getAttribute('data-item') === id),
        qualificationId,
      );
    // ↓ from the ID walks down the list (other suites' applications may come first), Enter takes it.
    await expect(focused()).resolves.toBe('residentId');
    for (let i = 0; i <= position; i++) await desk.keyboard.press('ArrowDown');
    await expect(desk.evaluate('document.activeElement.dataset.item')).resolves.toBe(
      qualificationId,
    );
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification [name=decision]:focus');
    await expect(desk.locator('.qualification .qual-decide h3').textContent()).resolves.toMatch(
      /^认定：糖尿病（剩 /,
    );
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.qualification .settled-note:visible');
    await expect(desk.locator('.qualification .settled-note').textContent()).resolves.toBe(
      '糖尿病资格认定通过',
    );
    await expect(expectDone('hosp-1', again, 'qualification')).resolves.toBe(qualificationId);
  }, 90_000);

  it('refuses a transfer ticket at a township station: the hall handles transfers', async () => {
    const refused = await call(`${apps['town-1'].url}/api/stations/town-1/tickets`, {
      token: clerks['town-1'],
      body: { business: 'TRANSFER' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const direct = await call(`${apps['town-1'].url}/api/residents/${residentId}/transfers`, {
      token: clerks['town-1'],
      body: { direction: 'out', otherRegion: 'shizhong-zaozhuang' },
    });
    expect(direct.status).toBe(403);
  }, 30_000);

  it('receives a transfer at the hall, then completes it on a later ticket with its clock', async () => {
    const ticket = await issue('hall', 'TRANSFER');
    await serve('hall', ticket, 'transfer');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.transfer [name=direction]:focus');
    await desk.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('otherRegion');
    await desk.keyboard.type('taibai-lake');
    await desk.keyboard.press('Enter');
    await expect(problemOf('transfer', 'otherRegion')).resolves.toBe(
      '对方统筹区不能是参保人所在的统筹区',
    );
    await field('transfer', 'otherRegion').fill('shizhong-zaozhuang');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.transfer .settled-note:visible');
    const transferId = await expectDone('hall', ticket, 'transfer');
    await expect(desk.locator('.transfer .settled-note').textContent()).resolves.toMatch(
      /^已受理转移：太白湖新区 → 枣庄市市中区，须于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前办结$/,
    );

    const later = await issue('hall', 'TRANSFER');
    await serve('hall', later, 'transfer');
    await desk.keyboard.type(residentId);
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.transfer [name=closing]:focus');
    await expect(
      desk.locator('.transfer .items-on-file li[data-status=pending] .clock').textContent(),
    ).resolves.toMatch(/^办理中 · 剩 \d+ 天/);
    await desk.locator('.transfer [name=closing]').blur();
    await desk.keyboard.press('d');
    await desk.keyboard.press('Enter');
    await expect(problemOf('transfer', 'reason')).resolves.toBe('必填');
    await screenshot(desk, 'transfer-open');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('a');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.transfer .settled-note:visible');
    await expect(expectDone('hall', later, 'transfer')).resolves.toBe(transferId);
    await expect(
      desk.locator('.transfer .items-on-file li').first().locator('.clock').textContent(),
    ).resolves.toBe('已办结');
  }, 60_000);

  it("opens the station's open lists from the header without a ticket, Esc closes them", async () => {
    await desk.locator('body').focus();
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.transfer', { state: 'hidden' });
    await desk.keyboard.press('q');
    await desk.waitForSelector('.qualification .station-open', { state: 'visible' });
    await expect(focused()).resolves.toBe('residentId');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.qualification', { state: 'hidden' });
    await desk.keyboard.press('y');
    await desk.waitForSelector('.transfer .station-open', { state: 'visible' });
    await screenshot(desk, 'transfer-station-open');
  }, 30_000);

  it('reads in English and fits a portrait tablet', async () => {
    await desk.click('button.lang');
    await expect(desk.locator('.transfer .station-open h3').textContent()).resolves.toBe(
      "This station's open transfers, most urgent first",
    );
    await desk.setViewportSize({ width: 800, height: 1280 });
    const box = await desk.locator('.transfer').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(800);
    await screenshot(desk, 'transfer-tablet', { fullPage: true });
    await desk.click('button.lang');
    expect(problems).toEqual([]);
  }, 30_000);
});
