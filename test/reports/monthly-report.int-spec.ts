import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { testEnv } from '../support/test-env';
import { freshResidentId } from '../enrollment/enrollment-fixtures';

// Ports of their own (TEST_PORT_BASE + 70…72), apart from the other suites' apps.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 70;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const YEAR = Number(TODAY.slice(0, 4));

type Body = Record<string, unknown>;

interface Treatment {
  setting: string;
  treatments: number;
  fundFen: number;
  assistedTreatments: number;
  assistanceFen: number;
}

interface Report {
  month: string;
  treatments: Treatment[];
  reversals: { count: number; fundFen: number };
  contributions: {
    payments: number;
    paidFen: number;
    coverageActivated: number;
    subsidyFen: number;
    waivedPeople: number;
    waivedFen: number;
  };
}

/** The report is a projection fed through Kafka, so the outbox relay must run. */
function startRelay(): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', './scripts/paths.js', 'dist/libs/event-store/src/relay.cli.js'],
    {
      cwd: path.resolve(__dirname, '..', '..'),
      env: testEnv({ RELAY_NAME: 'reports-it', RELAY_START_AT: 'end' }),
      stdio: 'ignore',
    },
  );
}

const fundOf = (s: Body) => Number(s.hifp_pay) + Number(s.hifmi_pay) + Number(s.hifob_pay);

describe('the monthly report from the log', () => {
  let township: RunningApp;
  let hospital: RunningApp;
  let supervisor: RunningApp;
  let relay: ChildProcess;
  let townClerk: string;
  let hospClerk: string;
  let supervisorToken: string;

  beforeAll(async () => {
    [township, hospital, supervisor] = await Promise.all([
      startApp('township', { PORT: String(PORT_BASE) }),
      startApp('hospital', { PORT: String(PORT_BASE + 1) }),
      startApp('supervisor', { PORT: String(PORT_BASE + 2) }),
    ]);
    relay = startRelay();
    [townClerk, hospClerk, supervisorToken] = await Promise.all([
      login(township.url, 'clerk-town-1'),
      login(hospital.url, 'clerk-hosp-2'),
      login(supervisor.url, 'supervisor'),
    ]);
  }, 90_000);

  afterAll(async () => {
    relay?.kill('SIGTERM');
    await Promise.all([township?.stop(), hospital?.stop(), supervisor?.stop()]);
  });

  const report = async (query = `month=${MONTH}`) => {
    const reply = await call<Report>(`${supervisor.url}/api/reports/monthly?${query}`, {
      token: supervisorToken,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /**
   * The month once the supervisor has caught up with what earlier suites wrote: a freshly
   * started supervisor reads the log from its checkpoint, and a settlement it had still to
   * apply would count as this test's.
   */
  const settledReport = async () => {
    let last = JSON.stringify(await report());
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 1_500));
      const now = JSON.stringify(await report());
      if (now === last) break;
      last = now;
    }
    return JSON.parse(last) as Report;
  };

  /** A resident enrolled at town-1 this year, paid up; the enrollment's answer. */
  async function enrolled(category: string): Promise<Body> {
    const residentId = freshResidentId();
    const reply = await call<Body>(`${township.url}/api/residents`, {
      token: townClerk,
      body: { residentId, name: '王五', category, region: 'taibai-lake' },
    });
    expect(reply.status).toBe(201);
    const payable = Number(reply.body.payableFen);
    if (payable > 0) {
      const paid = await call(
        `${township.url}/api/residents/${residentId}/contributions/${YEAR}/payments`,
        { token: townClerk, body: { amountFen: payable, method: 'cash' } },
      );
      expect(paid.status).toBe(201);
    }
    return { ...reply.body, residentId };
  }

  async function settled(residentId: string, bill: Body): Promise<Body> {
    const reply = await call<Body>(`${hospital.url}/api/settlements`, {
      token: hospClerk,
      body: {
        region: 'taibai-lake',
        date: TODAY,
        scheme: 'resident',
        insuredCategory: 'general',
        tier: 2,
        residentId,
        admissionId: `ZY-${Math.random().toString(36).slice(2, 10)}`,
        ...bill,
      },
    });
    expect(reply.status).toBe(201);
    return reply.body;
  }

  /** What the month says now, less what it said before: other suites share the log. */
  function change(after: Report, before: Report) {
    const line = (r: Report, setting: string) => r.treatments.find((t) => t.setting === setting)!;
    const minus = (setting: string) => ({
      treatments: line(after, setting).treatments - line(before, setting).treatments,
      fundFen: line(after, setting).fundFen - line(before, setting).fundFen,
      assistedTreatments:
        line(after, setting).assistedTreatments - line(before, setting).assistedTreatments,
      assistanceFen: line(after, setting).assistanceFen - line(before, setting).assistanceFen,
    });
    const c = (key: keyof Report['contributions']) =>
      after.contributions[key] - before.contributions[key];
    return {
      inpatient: minus('inpatient'),
      outpatient: minus('outpatient'),
      reversals: {
        count: after.reversals.count - before.reversals.count,
        fundFen: after.reversals.fundFen - before.reversals.fundFen,
      },
      contributions: {
        payments: c('payments'),
        paidFen: c('paidFen'),
        coverageActivated: c('coverageActivated'),
        subsidyFen: c('subsidyFen'),
        waivedPeople: c('waivedPeople'),
        waivedFen: c('waivedFen'),
      },
    };
  }

  it('counts treatments, assistance, reversals and contributions of the month, as JSON and CSV', async () => {
    const before = await settledReport();
    const general = await enrolled('general');
    const poor = await enrolled('extreme-poverty');
    const reversedOne = await settled(String(general.residentId), {
      setting: 'inpatient',
      totalFen: 3_000_000,
      inScopeFen: 2_600_000,
    });
    const assisted = await settled(String(poor.residentId), {
      setting: 'inpatient',
      insuredCategory: 'extreme-poverty',
      totalFen: 1_000_000,
      inScopeFen: 900_000,
    });
    const visit = await settled(String(general.residentId), {
      setting: 'outpatient',
      totalFen: 30_000,
      inScopeFen: 30_000,
    });
    const reversal = await call(
      `${hospital.url}/api/settlements/${String(reversedOne.settlementId)}/reverse`,
      { token: hospClerk, body: { reason: 'entered at the wrong admission' } },
    );
    expect(reversal.status).toBe(200);
    expect(Number(assisted.maf_pay)).toBeGreaterThan(0);

    const expected = {
      inpatient: {
        treatments: 1,
        fundFen: fundOf(assisted),
        assistedTreatments: 1,
        assistanceFen: Number(assisted.maf_pay),
      },
      outpatient: {
        treatments: 1,
        fundFen: fundOf(visit),
        assistedTreatments: Number(visit.maf_pay) > 0 ? 1 : 0,
        assistanceFen: Number(visit.maf_pay),
      },
      reversals: { count: 1, fundFen: fundOf(reversedOne) },
      contributions: {
        payments: [general, poor].filter((r) => Number(r.payableFen) > 0).length,
        paidFen: Number(general.payableFen) + Number(poor.payableFen),
        coverageActivated: 2,
        subsidyFen: Number(general.subsidyFen) + Number(poor.subsidyFen),
        waivedPeople: [general, poor].filter((r) => Number(r.waivedFen) > 0).length,
        waivedFen: Number(general.waivedFen) + Number(poor.waivedFen),
      },
    };
    expect(expected.contributions.waivedFen).toBeGreaterThan(0);
    // Fed through the relay and Kafka: the projection may trail the commands by a moment.
    let after = await report();
    const deadline = Date.now() + 30_000;
    while (JSON.stringify(change(after, before)) !== JSON.stringify(expected)) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 300));
      after = await report();
    }
    expect(change(after, before)).toEqual(expected);

    const csv = await call<string>(`${supervisor.url}/api/reports/monthly.csv?month=${MONTH}`, {
      token: supervisorToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`monthly-report-${MONTH}.csv`);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('section,item,station_id,label_zh,count,amount_fen,amount_yuan');
    const inpatient = after.treatments.find((t) => t.setting === 'inpatient')!;
    expect(rows).toContain(
      `treatments,inpatient,,住院待遇享受人次及基金支付,${inpatient.treatments},${inpatient.fundFen},` +
        `${(inpatient.fundFen / 100).toFixed(2)}`,
    );
  }, 90_000);

  it("leaves out another region's insured when asked for one region", async () => {
    const other = await report(`month=${MONTH}&region=shizhong-zaozhuang`);
    const ours = await report(`month=${MONTH}&region=taibai-lake`);
    const all = await report();
    for (const setting of ['inpatient', 'outpatient']) {
      const count = (r: Report) => r.treatments.find((t) => t.setting === setting)!.treatments;
      expect(count(other) + count(ours)).toBe(count(all));
    }
  });

  it('refuses a malformed month naming it, and anyone but a supervisor', async () => {
    for (const month of ['2022-13', '22-10', '']) {
      const reply = await call<{ fields: { field: string }[] }>(
        `${supervisor.url}/api/reports/monthly?month=${month}`,
        { token: supervisorToken },
      );
      expect(reply.status).toBe(422);
      expect(reply.body.fields.map((f) => f.field)).toEqual(['month']);
    }
    const asClerk = await call(`${supervisor.url}/api/reports/monthly.csv?month=${MONTH}`, {
      token: townClerk,
    });
    expect(asClerk.status).toBe(403);
  });
});
