import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { EventLog, freshCreditCode, freshResidentId } from './enrollment-fixtures';

interface Reply {
  error?: string;
  message?: string;
  fields?: { field: string }[];
  [key: string]: unknown;
}

describe('business items at the stations that may handle them', () => {
  let hall: RunningApp;
  let township: RunningApp;
  let hospital: RunningApp;
  const token: Record<string, string> = {};
  const log = new EventLog();

  beforeAll(async () => {
    [hall, township, hospital] = await Promise.all([
      startApp('hall', { PORT: '4132' }),
      startApp('township', { PORT: '4133' }),
      startApp('hospital', { PORT: '4134' }),
    ]);
    token.hall = await login(hall.url, 'clerk-hall');
    token.town = await login(township.url, 'clerk-town-1');
    token.village = await login(township.url, 'clerk-village-1');
    token.hosp = await login(hospital.url, 'clerk-hosp-2');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall?.stop(), township?.stop(), hospital?.stop()]);
    await log.close();
  });

  async function enrolled(birthDate = '1960-02-01'): Promise<string> {
    const id = freshResidentId(birthDate);
    const reply = await call(`${township.url}/api/residents`, {
      token: token.town,
      body: {
        residentId: id,
        name: '张三',
        category: 'general',
        region: 'taibai-lake',
        year: 2022,
      },
    });
    expect(reply.status).toBe(201);
    return id;
  }

  describe('contribution quotes (store nothing)', () => {
    const quote = (body: object) =>
      call<Reply>(`${hall.url}/api/contributions/quote`, { token: token.hall, body });

    it('Taibai Lake 2022: individual 32000 fen, subsidy 61000 fen', async () => {
      const before = await log.enrollmentTotal();
      const reply = await quote({
        region: 'taibai-lake',
        year: 2022,
        category: 'general',
        birthDate: '1985-04-02',
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        individualFen: 32_000,
        subsidyFen: 61_000,
        payableFen: 32_000,
        waivedFen: 0,
        policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
        policyWarning: null,
      });
      expect(await log.enrollmentTotal()).toBe(before);
    });

    it('a year past the last notice is priced by it, carried forward, with a warning', async () => {
      const reply = await quote({
        region: 'taibai-lake',
        year: 2026,
        category: 'general',
        birthDate: '1985-04-02',
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        individualFen: 32_000,
        subsidyFen: 61_000,
        policyWarning: {
          code: 'policy_carried_forward',
          policyVersion: reply.body.policyVersion,
        },
      });
    });

    it('Taibai Lake: the elderly are waived by age, parents of single-daughter households by category', async () => {
      const at = (category: string, birthDate: string) =>
        quote({ region: 'taibai-lake', year: 2022, category, birthDate });
      expect((await at('elderly', '1985-04-02')).body).toMatchObject({ payableFen: 32_000 });
      expect((await at('general', '1950-04-02')).body).toMatchObject({ payableFen: 0 });
      expect((await at('rural-single-daughter', '1970-04-02')).body).toMatchObject({
        payableFen: 0,
      });
    });

    it.each([
      ['1950-05-01', 0],
      ['1951-01-01', 0],
      ['1956-03-01', 16_000],
      ['1961-01-01', 16_000],
      ['1961-01-02', 32_000],
    ])(
      'Shizhong 2021: born %s pays %i fen (70+ nothing, 60–69 half)',
      async (birthDate, payable) => {
        const reply = await quote({
          region: 'shizhong-zaozhuang',
          year: 2021,
          category: 'general',
          birthDate,
        });
        expect(reply.body).toMatchObject({ subsidyFen: 55_000, payableFen: payable });
      },
    );

    it('names the field of a bad quote', async () => {
      const bad = await quote({
        region: 'mars',
        year: 2022,
        category: 'general',
        birthDate: '1985-01-01',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.fields?.[0]?.field).toBe('region');
      const date = await quote({
        region: 'taibai-lake',
        year: 2022,
        category: 'general',
        birthDate: '1985-02-30',
      });
      expect(date.body.fields?.[0]?.field).toBe('birthDate');
    });
  });

  describe('coverage transfer (hall only)', () => {
    it('is refused at a township station with 403 naming the hall', async () => {
      const id = await enrolled();
      const reply = await call<Reply>(`${township.url}/api/residents/${id}/transfers`, {
        token: token.town,
        body: { direction: 'out', otherRegion: 'jinan-lixia' },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.message).toMatch(/hall/);
      expect(await log.typesOf(id)).not.toContain('enrollment.CoverageTransferRequested');
    });

    it('is taken at the hall with a 15-working-day deadline, then completed', async () => {
      const id = await enrolled();
      const reply = await call<Reply>(`${hall.url}/api/residents/${id}/transfers`, {
        token: token.hall,
        body: { direction: 'out', otherRegion: 'jinan-lixia' },
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({
        status: 'pending',
        fromRegion: 'taibai-lake',
        toRegion: 'jinan-lixia',
      });
      const done = await call<Reply>(
        `${hall.url}/api/residents/${id}/transfers/${String(reply.body.transferId)}/complete`,
        { token: token.hall, body: {} },
      );
      expect(done.body).toMatchObject({ status: 'completed' });
    });
  });

  describe('chronic disease qualification', () => {
    it('is applied for at a hospital station and approved at the hall', async () => {
      const id = await enrolled();
      const applied = await call<Reply>(`${hospital.url}/api/residents/${id}/qualifications`, {
        token: token.hosp,
        body: { disease: 'hypertension' },
      });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({
        status: 'pending',
        year: 2022,
        disease: 'hypertension',
      });
      expect(String(applied.body.deadline)).toMatch(/T23:59:59\.999\+08:00$/);
      const approved = await call<Reply>(
        `${hall.url}/api/residents/${id}/qualifications/${String(applied.body.qualificationId)}/approve`,
        { token: token.hall, body: {} },
      );
      expect(approved.body).toMatchObject({ status: 'approved' });
      const coverage = await call<Reply>(`${hall.url}/api/residents/${id}/coverage`, {
        token: token.hall,
      });
      expect(coverage.body.qualifications).toEqual([
        expect.objectContaining({ disease: 'hypertension', status: 'approved' }),
      ]);
    });

    it('names disease when it is not on the policy list, and needs a reason to reject', async () => {
      const id = await enrolled();
      const url = `${township.url}/api/residents/${id}/qualifications`;
      const gout = await call<Reply>(url, { token: token.town, body: { disease: 'gout' } });
      expect(gout.status).toBe(422);
      expect(gout.body.fields?.[0]?.field).toBe('disease');
      const applied = await call<Reply>(url, { token: token.town, body: { disease: 'diabetes' } });
      const reject = `${url}/${String(applied.body.qualificationId)}/reject`;
      const bare = await call<Reply>(reject, { token: token.town, body: {} });
      expect(bare.status).toBe(422);
      expect(bare.body.fields?.[0]?.field).toBe('reason');
    });

    it('is not handled at a village point', async () => {
      const id = await enrolled();
      const reply = await call<Reply>(`${township.url}/api/residents/${id}/qualifications`, {
        token: token.village,
        body: { disease: 'diabetes' },
      });
      expect(reply.status).toBe(403);
    });
  });

  describe('off-site treatment filing', () => {
    const filing = (filingType: string) => ({
      filingType,
      destinationRegion: 'Beijing',
      destinationScope: 'out-of-province',
      destinationHospital: 'Peking Union Medical College Hospital',
      validFrom: '2022-06-01',
      validTo: '2022-12-31',
    });

    it('hospital stations file referrals only', async () => {
      const id = await enrolled();
      const url = `${hospital.url}/api/residents/${id}/filings`;
      expect((await call(url, { token: token.hosp, body: filing('referral') })).status).toBe(201);
      const relocated = await call<Reply>(url, { token: token.hosp, body: filing('relocated') });
      expect(relocated.status).toBe(403);
      expect(relocated.body.message).toMatch(/hall/);
    });

    it('a township files the other types and checks the dates', async () => {
      const id = await enrolled();
      const url = `${township.url}/api/residents/${id}/filings`;
      const ok = await call<Reply>(url, { token: token.town, body: filing('temporary') });
      expect(ok.status).toBe(201);
      const backwards = await call<Reply>(url, {
        token: token.town,
        body: { ...filing('temporary'), validTo: '2022-01-01' },
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.fields?.[0]?.field).toBe('validTo');
    });

    it('refuses an in-province temporary filing: the policy in force no longer asks for it', async () => {
      const id = await enrolled();
      const reply = await call<Reply>(`${township.url}/api/residents/${id}/filings`, {
        token: token.town,
        body: {
          ...filing('temporary'),
          destinationRegion: 'Jinan',
          destinationScope: 'in-province',
        },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.fields?.[0]).toMatchObject({
        field: 'filingType',
        problem: expect.stringContaining('no filing is needed'),
      });
      expect(await log.typesOf(id)).not.toContain('enrollment.OffsiteTreatmentFiled');
    });

    it('answers a filing checked against a carried-forward policy with the warning', async () => {
      const id = await enrolled();
      const reply = await call<Reply>(`${township.url}/api/residents/${id}/filings`, {
        token: token.town,
        body: filing('relocated'),
      });
      expect(reply.status).toBe(201);
      expect(reply.body.policyWarning).toMatchObject({ code: 'policy_carried_forward' });
    });
  });

  describe('employers and employees', () => {
    it('registers an employer, enrols and releases an employee', async () => {
      const code = freshCreditCode();
      const employers = `${hall.url}/api/employers`;
      const registered = await call<Reply>(employers, {
        token: token.hall,
        body: { creditCode: code, name: '太白湖机械厂', region: 'taibai-lake' },
      });
      expect(registered.status).toBe(201);
      const again = await call(employers, {
        token: token.hall,
        body: { creditCode: code, name: '太白湖机械厂', region: 'taibai-lake' },
      });
      expect(again.status).toBe(409);
      const worker = freshResidentId('1990-03-03');
      const joined = await call<Reply>(`${employers}/${code}/employees`, {
        token: token.hall,
        body: { residentId: worker, name: '李四', joinedOn: '2022-03-01' },
      });
      expect(joined.status).toBe(201);
      const asResident = await call(`${hall.url}/api/residents`, {
        token: token.hall,
        body: {
          residentId: worker,
          name: '李四',
          category: 'general',
          region: 'taibai-lake',
          year: 2022,
        },
      });
      expect(asResident.status).toBe(409);
      const left = await call<Reply>(`${employers}/${code}/employees/${worker}/leave`, {
        token: token.hall,
        body: { leftOn: '2022-08-31' },
      });
      expect(left.body).toMatchObject({ leftOn: '2022-08-31' });
      const roll = await call<Reply>(`${employers}/${code}`, { token: token.hall });
      expect(roll.body.employees).toEqual([
        expect.objectContaining({ residentId: worker, leftOn: '2022-08-31' }),
      ]);
    });

    it('an employee applies for chronic qualification and a coverage transfer', async () => {
      const code = freshCreditCode();
      const employers = `${hall.url}/api/employers`;
      await call(employers, {
        token: token.hall,
        body: { creditCode: code, name: '太白湖纺织厂', region: 'taibai-lake' },
      });
      const worker = freshResidentId('1988-05-05');
      const joined = await call<Reply>(`${employers}/${code}/employees`, {
        token: token.hall,
        body: { residentId: worker, name: '周七', joinedOn: '2023-03-01' },
      });
      expect(joined.status).toBe(201);
      const applied = await call<Reply>(`${hall.url}/api/residents/${worker}/qualifications`, {
        token: token.hall,
        body: { disease: 'hypertension' },
      });
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({
        status: 'pending',
        region: 'taibai-lake',
        policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
        policyWarning: expect.objectContaining({ code: 'policy_carried_forward' }),
      });
      const transfer = await call<Reply>(`${hall.url}/api/residents/${worker}/transfers`, {
        token: token.hall,
        body: { direction: 'out', otherRegion: 'jinan-lixia' },
      });
      expect(transfer.status).toBe(201);
      expect(transfer.body).toMatchObject({ fromRegion: 'taibai-lake', status: 'pending' });
    });

    it('names creditCode when the check character is wrong', async () => {
      const code = freshCreditCode();
      const wrong = code.slice(0, 17) + (code.endsWith('1') ? '2' : '1');
      const reply = await call<Reply>(`${hall.url}/api/employers`, {
        token: token.hall,
        body: { creditCode: wrong, name: 'x', region: 'taibai-lake' },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.fields?.[0]?.field).toBe('creditCode');
    });
  });
});
