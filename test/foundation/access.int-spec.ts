import { startApp, RunningApp } from '../support/app-process';
import { call, login } from '../support/http';

describe('login and roles', () => {
  let hall: RunningApp;
  let township: RunningApp;
  let hospital: RunningApp;
  let supervisor: RunningApp;

  beforeAll(async () => {
    [hall, township, hospital, supervisor] = await Promise.all([
      startApp('hall'),
      startApp('township'),
      startApp('hospital'),
      startApp('supervisor'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall, township, hospital, supervisor].map((app) => app?.stop()));
  });

  describe('POST /api/auth/login', () => {
    it('gives a demo user a bearer token', async () => {
      const reply = await call<{ accessToken: string }>(`${hall.url}/api/auth/login`, {
        body: { username: 'clerk-hall', password: 'circle-demo' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.accessToken.split('.')).toHaveLength(3);
    });

    it.each([
      ['clerk-hall', 'wrong-password'],
      ['nobody', 'circle-demo'],
    ])('answers 401 to %s with a wrong password or name', async (username, password) => {
      const reply = await call(`${hall.url}/api/auth/login`, { body: { username, password } });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: 'unauthorized', fields: [] });
    });

    it('answers malformed JSON with 400 naming the body', async () => {
      const reply = await call(`${hall.url}/api/auth/login`, { raw: '{"username": ' });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: 'malformed_json', fields: [{ field: 'body' }] });
    });

    it('answers wrong types and unknown fields with 422 naming each field', async () => {
      const reply = await call<{ fields: { field: string }[] }>(`${hall.url}/api/auth/login`, {
        body: { username: 42, password: 'x', role: 'admin' },
      });
      expect(reply.status).toBe(422);
      const fields = reply.body.fields.map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['username', 'role']));
      expect(fields).not.toContain('password');
    });
  });

  it('denies every non-public route without a token', async () => {
    for (const url of [`${hall.url}/api/stations/hall`, `${supervisor.url}/api/stations`]) {
      expect((await call(url)).status).toBe(401);
    }
    expect((await call(`${hall.url}/api/stations/hall`, { token: 'not-a-token' })).status).toBe(
      401,
    );
  });

  it.each([
    ['hall', 'hall', 'town-1'],
    ['township', 'town-1', 'town-2'],
    ['hospital', 'hosp-2', 'hosp-1'],
  ])('%s app: a clerk acts at their own station only', async (app, own, other) => {
    const base = { hall, township, hospital }[app as 'hall' | 'township' | 'hospital'].url;
    const clerk = await login(base, `clerk-${own}`);
    expect((await call(`${base}/api/stations/${own}`, { token: clerk })).status).toBe(200);
    const refused = await call(`${base}/api/stations/${other}`, { token: clerk });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden' });
    const supervisorToken = await login(base, 'supervisor');
    expect((await call(`${base}/api/stations/${own}`, { token: supervisorToken })).status).toBe(
      200,
    );
  });

  it('supervisor app: supervisors read but change nothing, admins manage users', async () => {
    const [asSupervisor, asAdmin, asClerk] = await Promise.all(
      ['supervisor', 'admin', 'clerk-town-1'].map((u) => login(supervisor.url, u)),
    );
    expect((await call(`${supervisor.url}/api/users`, { token: asSupervisor })).status).toBe(200);
    expect((await call(`${supervisor.url}/api/users`, { token: asClerk })).status).toBe(403);
    const user = {
      username: `clerk-town-2-${Date.now()}`,
      password: 'a-long-password',
      role: 'clerk',
      stationId: 'town-2',
    };
    expect(
      (await call(`${supervisor.url}/api/users`, { token: asSupervisor, body: user })).status,
    ).toBe(403);
    expect((await call(`${supervisor.url}/api/users`, { token: asClerk, body: user })).status).toBe(
      403,
    );
    expect((await call(`${supervisor.url}/api/users`, { token: asAdmin, body: user })).status).toBe(
      201,
    );
    expect((await call(`${supervisor.url}/api/users`, { token: asAdmin, body: user })).status).toBe(
      409,
    );
    const stations = await call<unknown[]>(`${supervisor.url}/api/stations`, {
      token: asSupervisor,
    });
    expect(stations.status).toBe(200);
    expect(stations.body).toHaveLength(10);
  });

  it('a new clerk account can log in and is bound to its station', async () => {
    const asAdmin = await login(supervisor.url, 'admin');
    const username = `clerk-hosp-3-${Date.now()}`;
    await call(`${supervisor.url}/api/users`, {
      token: asAdmin,
      body: { username, password: 'another-long-one', role: 'clerk', stationId: 'hosp-3' },
    });
    const token = await login(hospital.url, username, 'another-long-one');
    expect((await call(`${hospital.url}/api/stations/hosp-3`, { token })).status).toBe(200);
    expect((await call(`${hospital.url}/api/stations/hosp-1`, { token })).status).toBe(403);
  });
});
