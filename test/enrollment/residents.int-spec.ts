import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { EventLog, freshResidentId, withWrongCheckDigit } from './enrollment-fixtures';

interface ErrorReply {
  error: string;
  message: string;
  fields: { field: string; problem: string }[];
}

describe('residents: enrollment, payment and coverage over HTTP', () => {
  let hall: RunningApp;
  let township: RunningApp;
  let hallClerk: string;
  let townClerk: string;
  const log = new EventLog();

  beforeAll(async () => {
    [hall, township] = await Promise.all([
      startApp('hall', { PORT: '4130' }),
      startApp('township', { PORT: '4131' }),
    ]);
    [hallClerk, townClerk] = await Promise.all([
      login(hall.url, 'clerk-hall'),
      login(township.url, 'clerk-town-1'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall?.stop(), township?.stop()]);
    await log.close();
  });

  const enroll = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call<ErrorReply & Record<string, unknown>>(`${township.url}/api/residents`, {
      token: townClerk,
      body,
      headers,
    });

  const resident = (residentId: string, extra: Record<string, unknown> = {}) => ({
    residentId,
    name: '王小明',
    phone: '13800000000',
    category: 'general',
    region: 'taibai-lake',
    year: 2022,
    ...extra,
  });

  it('enrolls a Taibai Lake 2022 resident: 320 yuan to pay, 610 subsidy, events recorded', async () => {
    const id = freshResidentId();
    const reply = await enroll(resident(id));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      residentId: id,
      year: 2022,
      status: 'awaiting-payment',
      individualFen: 32_000,
      subsidyFen: 61_000,
      payableFen: 32_000,
      policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
      policyWarning: null,
    });
    expect(await log.typesOf(id)).toEqual([
      'enrollment.ResidentEnrolled',
      'enrollment.ContributionAssessed',
    ]);
  });

  it('enrolls without a year into this year, on the last notice carried forward, and says so', async () => {
    const id = freshResidentId();
    const reply = await enroll(resident(id, { year: undefined }));
    const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      year: thisYear,
      individualFen: 32_000,
      policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
      policyWarning: {
        code: 'policy_carried_forward',
        policyVersion: reply.body.policyVersion,
        message: expect.stringContaining('2022-12-31'),
        messageZh: expect.stringContaining('继续沿用'),
      },
    });
  });

  it('answers two desks enrolling one person at once with one 201 and one 409', async () => {
    const id = freshResidentId();
    const replies = await Promise.all([enroll(resident(id)), enroll(resident(id))]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)?.body.error).toBe('already_enrolled');
    expect(await log.typesOf(id)).toHaveLength(2);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const docs = await call<{ paths: Record<string, unknown> }>(`${township.url}/docs-json`);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/residents',
        '/api/residents/{residentId}/coverage',
        '/api/contributions/quote',
        '/api/residents/{residentId}/contributions/{year}/payments',
        '/api/residents/{residentId}/qualifications',
        '/api/residents/{residentId}/transfers',
        '/api/employers/{creditCode}/employees',
      ]),
    );
  });

  it('refuses the same person twice in a year with 409', async () => {
    const id = freshResidentId();
    expect((await enroll(resident(id))).status).toBe(201);
    const again = await enroll(resident(id, { name: '王小明二' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'already_enrolled' });
  });

  it.each([
    ['a bad check digit', (id: string) => ({ residentId: withWrongCheckDigit(id) }), 'residentId'],
    ['an impossible birth date', () => ({ residentId: '370811198502301234' }), 'residentId'],
    ['a short ID', (id: string) => ({ residentId: id.slice(0, 15) }), 'residentId'],
    ['an unknown category', () => ({ category: 'vip' }), 'category'],
    ['an unknown region', () => ({ region: 'atlantis' }), 'region'],
    ['a year before the region had a policy', () => ({ year: 2020 }), 'year'],
    ['an unknown field', () => ({ favouriteColour: 'red' }), 'favouriteColour'],
  ])('answers %s with 422 naming the field and stores nothing', async (_, change, field) => {
    const id = freshResidentId();
    const body = resident(id, change(id));
    const reply = await enroll(body);
    expect(reply.status).toBe(422);
    expect(reply.body.fields.map((f) => f.field)).toContain(field);
    expect(await log.typesOf(id)).toEqual([]);
    expect(await log.typesOf(String(body.residentId))).toEqual([]);
  });

  it('answers an idempotent repeat with the first answer and records once', async () => {
    const id = freshResidentId();
    const headers = { 'Idempotency-Key': `enroll-${id}` };
    const first = await enroll(resident(id), headers);
    const repeat = await enroll(resident(id), headers);
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(await log.typesOf(id)).toHaveLength(2);
    const reused = await enroll(resident(id, { name: '别人' }), headers);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: 'idempotency_key_reused' });
  });

  it('gives concurrent repeats of one keyed enrolment its one answer, and records once', async () => {
    const id = freshResidentId();
    const headers = { 'Idempotency-Key': `enroll-together-${id}` };
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => enroll(resident(id), headers)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 201));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
    expect(await log.typesOf(id)).toHaveLength(2);
  });

  it('takes payments in fen, refuses negative money, and activates coverage once paid', async () => {
    const id = freshResidentId();
    await enroll(resident(id));
    const payments = `${township.url}/api/residents/${id}/contributions/2022/payments`;
    const negative = await call<ErrorReply>(payments, {
      token: townClerk,
      body: { amountFen: -100, method: 'cash' },
    });
    expect(negative.status).toBe(422);
    expect(negative.body.fields[0]?.field).toBe('amountFen');
    const part = await call(payments, {
      token: townClerk,
      body: { amountFen: 12_000, method: 'app' },
    });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({
      amountFen: 12_000,
      coverage: { status: 'awaiting-payment' },
    });
    const rest = await call(payments, {
      token: townClerk,
      body: { amountFen: 20_000, method: 'bank' },
    });
    expect(rest.body).toMatchObject({ coverage: { status: 'active', paidFen: 32_000 } });
    expect(await log.typesOf(id)).toEqual([
      'enrollment.ResidentEnrolled',
      'enrollment.ContributionAssessed',
      'enrollment.ContributionPaid',
      'enrollment.ContributionPaid',
      'enrollment.CoverageActivated',
    ]);
  });

  it('answers the coverage enquiry as JSON and as a FHIR R4 Coverage', async () => {
    const id = freshResidentId();
    await enroll(resident(id, { category: 'extreme-poverty' }));
    const url = `${hall.url}/api/residents/${id}/coverage`;
    const json = await call(url, { token: hallClerk });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      residentId: id,
      year: 2022,
      scheme: 'resident',
      status: 'active',
      paid: true,
      qualifications: [],
      filings: [],
    });
    const fhir = await call(url, {
      token: hallClerk,
      headers: { accept: 'application/fhir+json' },
    });
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('content-type')).toContain('application/fhir+json');
    expect(fhir.body).toMatchObject({
      resourceType: 'Coverage',
      status: 'active',
      beneficiary: { identifier: { value: id } },
      period: { start: '2022-01-01', end: '2022-12-31' },
    });
    const supervisor = await login(hall.url, 'supervisor');
    expect((await call(url, { token: supervisor })).status).toBe(200);
    expect(
      (await call(`${hall.url}/api/residents/${freshResidentId()}/coverage`, { token: hallClerk }))
        .status,
    ).toBe(404);
  });

  it('keeps each information change with its old value', async () => {
    const id = freshResidentId();
    await enroll(resident(id));
    const change = await call(`${township.url}/api/residents/${id}`, {
      method: 'PATCH',
      token: townClerk,
      body: { phone: '13700000000', address: '许庄街道1号', reason: '换号' },
    });
    expect(change.status).toBe(200);
    const history = await call<unknown[]>(`${township.url}/api/residents/${id}/changes`, {
      token: townClerk,
    });
    expect(history.body).toEqual([
      expect.objectContaining({
        actor: 'clerk-town-1',
        changes: [
          { field: 'phone', from: '13800000000', to: '13700000000' },
          { field: 'address', from: null, to: '许庄街道1号' },
        ],
      }),
    ]);
  });
});
