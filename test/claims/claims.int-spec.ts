import { freshResidentId, withWrongCheckDigit } from '../enrollment/enrollment-fixtures';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { eventually } from '../walkins/walkins-apps';
import {
  foldClaim,
  review,
  submission,
  whenClaim,
} from '../../libs/claims/src/testing/given-claim';
import {
  CLAIMS_PORTS,
  ClaimsLog,
  claimBody,
  enrolledAndPaidIn2022,
  lines,
} from './claims-fixtures';

interface Claim {
  claimId: string;
  status: string;
  dueBy: string;
  overdue: boolean;
  withinDeadline: boolean | null;
  totalFen: number;
  inScopeFen: number;
  settlement: Record<string, number | string> | null;
  paymentInstruction: { amountFen: number; payeeAccount: string | null } | null;
  history: { step: string; actor: string }[];
  error?: string;
  fields?: { field: string; problem: string }[];
}

const CLAIM_ID = /^CLM-\d{8}-[0-9a-f]{12}$/;

describe('reimbursement claims at the hall', () => {
  let hall: RunningApp;
  let supervisor: RunningApp;
  let clerk: string;
  let reader: string;
  const log = new ClaimsLog();

  beforeAll(async () => {
    [hall, supervisor] = await Promise.all([
      startApp('hall', { PORT: CLAIMS_PORTS.hall }),
      startApp('supervisor', { PORT: CLAIMS_PORTS.supervisor }),
    ]);
    [clerk, reader] = await Promise.all([
      login(hall.url, 'clerk-hall'),
      login(supervisor.url, 'supervisor'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall?.stop(), supervisor?.stop()]);
    await log.close();
  });

  const insuredIn2022 = () => enrolledAndPaidIn2022(hall.url, clerk);

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    call<Claim>(`${hall.url}/api${route}`, { token: clerk, body, headers });
  const get = <T = Claim>(route: string) => call<T>(`${hall.url}/api${route}`, { token: clerk });

  it('takes a claim in, lists it for review, adjusts, approves, settles and instructs payment', async () => {
    const residentId = await insuredIn2022();
    const first = await post('/claims', claimBody(residentId));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'submitted',
      overdue: false,
      totalFen: 3_000_000,
      inScopeFen: 2_800_000,
    });
    expect(first.body.claimId).toMatch(CLAIM_ID);
    expect(Date.parse(first.body.dueBy)).toBeGreaterThan(Date.now() + 10 * 24 * 3600_000);
    const second = await post('/claims', claimBody(residentId, { admissionId: 'ZY20220601-0008' }));
    expect(second.status).toBe(201);

    const waiting = await get<{ claimId: string; dueBy: string; overdue: boolean }[]>(
      '/claims?status=submitted',
    );
    const ids = waiting.body.map((c) => c.claimId);
    expect(ids.indexOf(first.body.claimId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.body.claimId)).toBeLessThan(ids.indexOf(second.body.claimId));
    expect(waiting.body.find((c) => c.claimId === first.body.claimId)).toMatchObject({
      dueBy: new Date(first.body.dueBy).toISOString(),
      overdue: false,
    });

    const id = first.body.claimId;
    const adjusted = await post(`/claims/${id}/adjust`, {
      lines: [lines[0], { ...lines[1], inScopeFen: 2_200_000 }],
      reason: '自费药品不属于报销范围',
    });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body).toMatchObject({ status: 'adjusted', inScopeFen: 2_600_000 });
    expect(
      (await get<{ claimId: string }[]>('/claims?status=adjusted')).body.map((c) => c.claimId),
    ).toContain(id);

    const approved = await post(`/claims/${id}/approve`, {});
    expect(approved.status).toBe(200);
    const { settlement, paymentInstruction } = approved.body;
    // The seed's worked example: in-scope 26,000 yuan at a secondary hospital → 19,200 yuan.
    expect(approved.body).toMatchObject({ status: 'settled', withinDeadline: true });
    expect(settlement).toMatchObject({
      medfee_sumamt: 3_000_000,
      inscp_scp_amt: 2_600_000,
      hifp_pay: 1_920_000,
    });
    const fund = Number(settlement!.medfee_sumamt) - Number(settlement!.psn_cash_pay);
    expect(paymentInstruction).toMatchObject({ amountFen: fund, payeeAccount: null });

    const statement = await get<Record<string, unknown>>(
      `/settlements/${String(settlement!.settlementId)}`,
    );
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({
      source: 'claim',
      claimId: id,
      admissionId: id,
      hifp_pay: 1_920_000,
    });

    const whole = await get(`/claims/${id}`);
    expect(whole.body.history.map((h) => h.step)).toEqual([
      'submitted',
      'adjusted',
      'approved',
      'settled',
      'payment-instructed',
    ]);
    expect(whole.body.history[0]?.actor).toBe('clerk-hall');
    const decisions: [string, unknown][] = [
      ['approve', {}],
      ['reject', { reason: '再次审核' }],
      ['adjust', { lines, reason: '再次审核' }],
    ];
    for (const [decision, body] of decisions)
      expect((await post(`/claims/${id}/${decision}`, body)).status).toBe(409);
  });

  it('rejects with a reason, and decides nothing more after', async () => {
    const residentId = await insuredIn2022();
    const { body } = await post('/claims', claimBody(residentId));
    const rejected = await post(`/claims/${body.claimId}/reject`, { reason: '发票为复印件' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      withinDeadline: true,
      rejectionReason: '发票为复印件',
    });
    expect((await post(`/claims/${body.claimId}/approve`, {})).status).toBe(409);
    expect(
      (await get<{ claimId: string }[]>('/claims?status=rejected')).body.map((c) => c.claimId),
    ).toContain(body.claimId);
  });

  it('answers a repeated approval with the first answer', async () => {
    const residentId = await insuredIn2022();
    const { body } = await post('/claims', claimBody(residentId));
    const key = { 'Idempotency-Key': `approve-${body.claimId}` };
    const once = await post(`/claims/${body.claimId}/approve`, {}, key);
    const again = await post(`/claims/${body.claimId}/approve`, {}, key);
    expect(once.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(once.body);
    expect(await log.settlementsOf(body.claimId)).toHaveLength(1);
  });

  it('finishes an approval cut short between its steps with the settlement already made', async () => {
    const residentId = await insuredIn2022();
    const { body } = await post('/claims', claimBody(residentId));
    const settlementId = await log.approveAndSettleOnly(body.claimId);
    expect((await get(`/claims/${body.claimId}`)).body.status).toBe('approved');
    const refused = await post(`/claims/${body.claimId}/reject`, { reason: '已批准后不得驳回' });
    expect(refused.status).toBe(409);

    const finished = await post(`/claims/${body.claimId}/approve`, {});
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'settled', settlement: { settlementId } });
    expect(await log.settlementsOf(body.claimId)).toEqual([settlementId]);
  });

  it('refuses bad input with 422 naming the field, storing nothing', async () => {
    const residentId = await insuredIn2022();
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [lines[0], { ...lines[1], inScopeFen: 2_600_001 }] }, 'lines[1].inScopeFen'],
      [{ lines: [{ ...lines[0], totalFen: 10.5 }] }, 'lines[0].totalFen'],
      [{ lines: [] }, 'lines'],
      [{ attachments: Array(21).fill({ reference: 'SCAN-1' }) }, 'attachments'],
      [{ residentId: withWrongCheckDigit(residentId) }, 'residentId'],
      [{ residentId: freshResidentId() }, 'residentId'],
      [{ insuredCategory: 'elderly' }, 'insuredCategory'],
      [{ kind: 'refund' }, 'kind'],
      [{ kind: 'maternity', setting: 'outpatient' }, 'setting'],
      [{ kind: 'assistance' }, 'insuredCategory'],
      [{ date: '2999-01-01' }, 'date'],
      [{ region: 'atlantis' }, 'region'],
      [{ tier: 4 }, 'tier'],
      [{ payeeAccount: 'my account' }, 'payeeAccount'],
      [{ discount: 5 }, 'discount'],
    ];
    const before = await log.head();
    for (const [change, field] of cases) {
      const reply = await post('/claims', claimBody(residentId, change));
      expect({
        field,
        status: reply.status,
        fields: reply.body.fields?.map((f) => f.field),
      }).toEqual({
        field,
        status: 422,
        fields: expect.arrayContaining([field]),
      });
    }
    expect(await log.head()).toBe(before);
    const { body } = await post('/claims', claimBody(residentId));
    const head = await log.head();
    const badAdjust = await post(`/claims/${body.claimId}/adjust`, { lines, reason: ' ' });
    expect(badAdjust.body.fields?.map((f) => f.field)).toEqual(['reason']);
    expect((await post('/claims/CLM-bad/approve', {})).body.fields?.map((f) => f.field)).toEqual([
      'claimId',
    ]);
    expect(await log.head()).toBe(head);
  });

  it('lists for supervisors the claims open past their due time and those decided late', async () => {
    const old = `CLM-20220610-${Date.now().toString(16).padStart(12, '0').slice(-12)}`;
    const late = `CLM-20220610-${(Date.now() + 1).toString(16).padStart(12, '0').slice(-12)}`;
    const submitted = (claimId: string) => whenClaim([], { ...submission(), claimId });
    await log.appendOld(old, submitted(old));
    const rejectedLate = whenClaim(submitted(late), {
      ...review,
      claimId: late,
      kind: 'RejectClaim',
      reason: '材料不全',
      person: { phone: null, name: '王小明' },
      at: '2022-06-28T09:00:00+08:00',
    });
    expect(foldClaim([...submitted(late), ...rejectedLate]).claim?.withinDeadline).toBe(false);
    await log.appendOld(late, [...submitted(late), ...rejectedLate]);
    const fresh = (await post('/claims', claimBody(await insuredIn2022()))).body.claimId;

    const overdue = await eventually(
      () =>
        call<
          { claimId: string; overdue: boolean; withinDeadline: boolean | null; dueBy: string }[]
        >(`${supervisor.url}/api/claims/overdue`, { token: reader }),
      (r) => r.status === 200 && [old, late].every((id) => r.body.some((c) => c.claimId === id)),
      60_000,
    );
    expect(overdue.body.find((c) => c.claimId === old)).toMatchObject({
      overdue: true,
      withinDeadline: null,
      dueBy: '2022-06-24T15:59:59.999Z',
    });
    expect(overdue.body.find((c) => c.claimId === late)).toMatchObject({
      overdue: false,
      withinDeadline: false,
    });
    expect(overdue.body.map((c) => c.claimId)).not.toContain(fresh);
    const asClerk = await call(`${supervisor.url}/api/claims/overdue`, {
      token: await login(supervisor.url, 'clerk-hall'),
    });
    expect(asClerk.status).toBe(403);
  }, 90_000);
});
