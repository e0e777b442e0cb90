import { Pool } from 'pg';
import { PgPersonalData } from '../../libs/event-store/src';
import { loadPersonalDataMasterKey } from '../../libs/platform/src';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { TEST_DATABASE_URL } from '../support/test-env';
import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';

// Ports 4150-4163: apart from the other suites' apps.
interface ErrorReply {
  error: string;
  message: string;
  fields: { field: string; problem: string }[];
}
type Reply = ErrorReply & Record<string, unknown>;

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

const seedExample = {
  region: 'taibai-lake',
  date: '2022-06-01',
  scheme: 'resident',
  insuredCategory: 'general',
  setting: 'inpatient',
  tier: 2,
  totalFen: 3_000_000,
  inScopeFen: 2_600_000,
};

describe('one-stop settlement over HTTP', () => {
  let township: RunningApp;
  let hospital: RunningApp;
  let supervisor: RunningApp;
  let townClerk: string;
  let hospClerk: string;
  let otherHospClerk: string;
  let supervisorToken: string;
  const db = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });

  beforeAll(async () => {
    [township, hospital, supervisor] = await Promise.all([
      startApp('township', { PORT: '4161' }),
      startApp('hospital', { PORT: '4162' }),
      startApp('supervisor', { PORT: '4163' }),
    ]);
    [townClerk, hospClerk, otherHospClerk, supervisorToken] = await Promise.all([
      login(township.url, 'clerk-town-1'),
      login(hospital.url, 'clerk-hosp-2'),
      login(hospital.url, 'clerk-hosp-1'),
      login(supervisor.url, 'supervisor'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([township?.stop(), hospital?.stop(), supervisor?.stop()]);
    await db.end();
  });

  /** A resident enrolled and paid up for this year at town-1, ready to be treated. */
  async function insuredResident(category = 'general'): Promise<string> {
    const id = freshResidentId();
    const enrolled = await call<Reply>(`${township.url}/api/residents`, {
      token: townClerk,
      body: { residentId: id, name: '李四', phone: '13900000000', category, region: 'taibai-lake' },
    });
    expect(enrolled.status).toBe(201);
    const payable = Number(enrolled.body.payableFen);
    if (payable > 0) {
      const paid = await call<Reply>(
        `${township.url}/api/residents/${id}/contributions/${YEAR}/payments`,
        { token: townClerk, body: { amountFen: payable, method: 'cash' } },
      );
      expect(paid.status).toBe(201);
    }
    return id;
  }

  const bill = (residentId: string, extra: Record<string, unknown> = {}) => ({
    ...seedExample,
    date: TODAY,
    residentId,
    admissionId: `ZY-${Math.random().toString(36).slice(2, 10)}`,
    ...extra,
  });

  const settle = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call<Reply>(`${hospital.url}/api/settlements`, { token: hospClerk, body, headers });
  const quote = (body: Record<string, unknown>) =>
    call<Reply>(`${hospital.url}/api/settlements/quote`, { token: hospClerk, body });

  async function logHead(): Promise<number> {
    // Settlement events only: other suites may share the database and append meanwhile.
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM events WHERE event_type LIKE 'settlement.%'",
    );
    return Number(rows[0]?.n);
  }

  it("quotes the seed's worked example: 26,000 in scope at a secondary hospital → 19,200 from the fund", async () => {
    const reply = await quote(seedExample);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      medfee_sumamt: 3_000_000,
      inscp_scp_amt: 2_600_000,
      act_pay_dedc: 40_000,
      hifp_pay: 1_920_000,
      basis: 'first-admission',
      policyWarning: null,
    });
    const b = reply.body as Record<string, number>;
    expect(b.hifp_pay + b.hifmi_pay + b.hifob_pay + b.maf_pay + b.psn_cash_pay).toBe(3_000_000);
    expect(String(reply.body.policyVersion)).toMatch(/^taibai-lake@2022#[0-9a-f]{12}$/);
    expect((reply.body.lines as { zh: string; en: string }[]).length).toBeGreaterThan(1);
  });

  it('settles a discharge today on a carried-forward policy, says so, and the supervisor sees the year', async () => {
    const id = await insuredResident();
    const body = bill(id);
    const quoted = await quote(body);
    const reply = await settle(body);
    expect(reply.status).toBe(201);
    expect(reply.body.settlementId).toMatch(/^STL-\d{8}-[0-9a-f]{12}$/);
    expect(reply.body).toMatchObject({ act_pay_dedc: 40_000, hifp_pay: 1_920_000, tier: 2 });
    expect(reply.body.policyWarning).toMatchObject({ code: 'policy_carried_forward' });
    // A quote equals the settlement for the same inputs and state.
    for (const field of ['act_pay_dedc', 'hifp_pay', 'hifmi_pay', 'maf_pay', 'psn_cash_pay'])
      expect(reply.body[field]).toBe(quoted.body[field]);

    const year = await call<Reply>(`${hospital.url}/api/residents/${id}/benefit-year`, {
      token: hospClerk,
    });
    expect(year.body.totals).toMatchObject({ basicFundFen: 1_920_000, admissions: 1 });

    const deadline = Date.now() + 20_000;
    let seen = await call<Reply>(`${supervisor.url}/api/residents/${id}/benefit-year`, {
      token: supervisorToken,
    });
    while (seen.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await call<Reply>(`${supervisor.url}/api/residents/${id}/benefit-year`, {
        token: supervisorToken,
      });
    }
    expect(seen.status).toBe(200);
    expect(seen.body.totals).toMatchObject({ basicFundFen: 1_920_000 });
    expect(seen.body.settlements).toHaveLength(1);

    const { rows } = await db.query<{ data: { notice: { phone: string } } }>(
      `SELECT data FROM events WHERE event_type = 'settlement.BillSettled' AND data->>'settlementId' = $1`,
      [reply.body.settlementId],
    );
    // The SMS's phone goes into the log sealed with the person's key; their key opens it.
    const sealed = rows[0]?.data.notice.phone;
    expect(sealed).toMatch(/^pd1:/);
    const keyring = await new PgPersonalData(db, loadPersonalDataMasterKey({})).keyring([id]);
    expect(keyring.open(id, { phone: sealed })).toEqual({ phone: '13900000000' });
  });

  it('settles on the person as they stand when another station changed them since the last settlement', async () => {
    const id = await insuredResident();
    expect((await settle(bill(id))).status).toBe(201);
    // The hospital now holds this person; the township changes their phone behind its back.
    const changed = await call<Reply>(`${township.url}/api/residents/${id}`, {
      token: townClerk,
      method: 'PATCH',
      body: { phone: '13911112222', reason: '换号' },
    });
    expect(changed.status).toBe(200);

    const second = await settle(bill(id));
    expect(second.status).toBe(201);
    const { rows } = await db.query<{ data: { notice: { phone: string } } }>(
      `SELECT data FROM events WHERE event_type = 'settlement.BillSettled' AND data->>'settlementId' = $1`,
      [second.body.settlementId],
    );
    const keyring = await new PgPersonalData(db, loadPersonalDataMasterKey({})).keyring([id]);
    expect(keyring.open(id, { phone: rows[0]?.data.notice.phone })).toEqual({
      phone: '13911112222',
    });
  });

  it('answers a repeated Idempotency-Key with the first settlement and records one', async () => {
    const id = await insuredResident();
    const body = bill(id);
    const key = { 'Idempotency-Key': `settle-${id}` };
    const [first, again] = [await settle(body, key), await settle(body, key)];
    expect(first.status).toBe(201);
    expect(again.body.settlementId).toBe(first.body.settlementId);
    const settledAgain = await settle(body);
    expect(settledAgain.status).toBe(409);
    expect(settledAgain.body.fields?.[0]?.field).toBe('admissionId');
  });

  it('answers repeats of one Idempotency-Key sent at once with one settlement, and one reversal', async () => {
    const id = await insuredResident();
    const body = bill(id);
    const key = { 'Idempotency-Key': `settle-burst-${id}` };
    const replies = await Promise.all(Array.from({ length: 5 }, () => settle(body, key)));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.settlementId)).size).toBe(1);
    const otherBill = await settle({ ...body, totalFen: 1_000_000, inScopeFen: 900_000 }, key);
    expect(otherBill.status).toBe(422);
    expect(otherBill.body.fields?.[0]?.field).toBe('Idempotency-Key');

    const url = `${hospital.url}/api/settlements/${replies[0]?.body.settlementId}/reverse`;
    const reverseKey = { 'Idempotency-Key': `reverse-burst-${id}` };
    const reversals = await Promise.all(
      Array.from({ length: 3 }, () =>
        call<Reply>(url, {
          token: hospClerk,
          body: { reason: 'entered twice' },
          headers: reverseKey,
        }),
      ),
    );
    expect(reversals.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const reversal of reversals) expect(reversal.body).toEqual(reversals[0]?.body);
    const { rows } = await db.query<{ type: string }>(
      'SELECT event_type AS type FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [`benefit-year-${id}-${YEAR}`],
    );
    expect(rows.map((r) => r.type)).toEqual([
      'settlement.BillSettled',
      'settlement.SettlementReversed',
    ]);
  });

  it('reverses by a compensating event that restores the benefit year exactly', async () => {
    const id = await insuredResident();
    const before = await call<Reply>(`${hospital.url}/api/residents/${id}/benefit-year`, {
      token: hospClerk,
    });
    const settled = await settle(bill(id));
    const url = `${hospital.url}/api/settlements/${settled.body.settlementId}/reverse`;
    // Another hospital's clerk learns nothing of the settlement: the same 404 as for none.
    const elsewhere = await call<Reply>(url, { token: otherHospClerk, body: { reason: 'wrong' } });
    expect(elsewhere.status).toBe(404);
    const noReason = await call<Reply>(url, { token: hospClerk, body: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.body.fields.map((f) => f.field)).toContain('reason');
    const reversed = await call<Reply>(url, {
      token: hospClerk,
      body: { reason: 'in-scope amount entered wrongly' },
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.status).toBe('reversed');
    const after = await call<Reply>(`${hospital.url}/api/residents/${id}/benefit-year`, {
      token: hospClerk,
    });
    expect(after.body.totals).toEqual(before.body.totals);
    const twice = await call<Reply>(url, { token: hospClerk, body: { reason: 'again' } });
    expect(twice.status).toBe(409);
  });

  it('shows the statement, also as a FHIR ExplanationOfBenefit with each cap used and left', async () => {
    const id = await insuredResident();
    const settled = await settle(bill(id));
    const url = `${hospital.url}/api/settlements/${settled.body.settlementId}`;
    const record = await call<Reply>(url, { token: hospClerk });
    expect(record.body).toMatchObject({
      settlementId: settled.body.settlementId,
      hifp_pay: 1_920_000,
    });
    // The statement warns as the settlement did: today's date is past the 2022 notice's period.
    expect(record.body.policyWarning).toMatchObject({ code: 'policy_carried_forward' });
    const fhir = await call<Reply>(url, {
      token: hospClerk,
      headers: { accept: 'application/fhir+json' },
    });
    expect(fhir.headers.get('content-type')).toContain('application/fhir+json');
    expect(fhir.body.resourceType).toBe('ExplanationOfBenefit');
    const balances = fhir.body.benefitBalance as {
      category: { coding: { code: string }[] };
      financial: { type: { text: string }; usedMoney?: { value: number } }[];
    }[];
    const basic = balances.find((b) => b.category.coding[0]?.code === 'basic-fund');
    expect(basic?.financial.find((f) => f.type.text === 'used')?.usedMoney?.value).toBe(19_200);
    const elsewhere = await call<Reply>(url, { token: otherHospClerk });
    expect(elsewhere.status).toBe(404);
  });

  it('never lets 20 settlements at once for one person pass the annual basic cap', async () => {
    const id = await insuredResident();
    // 20 × 1,470,000 fen of basic fund would be 29.4 M; the cap is 15 M.
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        settle(bill(id, { totalFen: 2_000_000, inScopeFen: 2_000_000 })),
      ),
    );
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const settled = replies.filter((r) => r.status === 201);
    const paid = settled.reduce((sum, r) => sum + Number(r.body.hifp_pay), 0);
    expect(paid).toBeLessThanOrEqual(15_000_000);
    const year = await call<Reply>(`${hospital.url}/api/residents/${id}/benefit-year`, {
      token: hospClerk,
    });
    const totals = year.body.totals as Record<string, number>;
    expect(totals.basicFundFen).toBe(paid);
    expect(totals.basicFundFen).toBeLessThanOrEqual(15_000_000);
    expect(totals.admissions).toBe(settled.length);
  }, 60_000);

  it('refuses bad input naming the field, and stores nothing', async () => {
    const id = await insuredResident();
    const head = await logHead();
    const cases: [Record<string, unknown>, string][] = [
      [bill(id, { setting: 'dental' }), 'setting'],
      [bill(id, { tier: 4 }), 'tier'],
      [bill(id, { tier: 3 }), 'tier'],
      [bill(id, { inScopeFen: 3_100_000 }), 'inScopeFen'],
      [bill(id, { totalFen: 12.5 }), 'totalFen'],
      [bill(id, { totalFen: -1 }), 'totalFen'],
      [bill(id, { date: '1980-01-01' }), 'date'],
      [bill(id, { date: '2999-01-01' }), 'date'],
      [bill(withWrongCheckDigit(id)), 'residentId'],
      [bill(id, { insuredCategory: 'low-income' }), 'insuredCategory'],
      [bill(id, { surprise: true }), 'surprise'],
      [bill(id, { setting: 'chronic-outpatient' }), 'disease'],
    ];
    for (const [body, field] of cases) {
      const reply = await settle(body);
      expect({ field, status: reply.status }).toEqual({ field, status: 422 });
      expect(reply.body.fields.map((f) => f.field)).toContain(field);
    }
    const notFound = await settle(bill(freshResidentId()));
    expect(notFound.status).toBe(404);
    expect(await logHead()).toBe(head);
  });

  it('settles only at hospital stations', async () => {
    const id = await insuredResident();
    const reply = await call<Reply>(`${township.url}/api/settlements`, {
      token: townClerk,
      body: bill(id),
    });
    expect(reply.status).toBe(403);
  });
});
