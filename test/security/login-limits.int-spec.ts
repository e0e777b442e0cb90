import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { createUser, freshUsername, securityPort } from './security-fixtures';

interface Refusal {
  error: string;
  retryAfterSeconds?: number;
  fields: { field: string }[];
}

const PASSWORD = 'a-long-password';

// CONTRACT: repeated failures for one username are slowed or refused (429 with Retry-After);
// successful logins from one address are not limited below 60 a minute.
describe('login limits, long passwords and revoked tokens', () => {
  let hall: RunningApp;
  let supervisor: RunningApp;

  beforeAll(async () => {
    [hall, supervisor] = await Promise.all([
      startApp('hall', { PORT: securityPort(3) }),
      startApp('supervisor', { PORT: securityPort(4) }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall, supervisor].map((app) => app?.stop()));
  });

  const attempt = (username: string, password: string) =>
    call<Refusal & { accessToken?: string }>(`${hall.url}/api/auth/login`, {
      body: { username, password },
    });

  /** Wrong passwords until the first refusal; answers the statuses seen and the refusal. */
  async function failUntilRefused(username: string) {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const reply = await attempt(username, 'not-the-password');
      statuses.push(reply.status);
      if (reply.status === 429) return { statuses, refusal: reply };
    }
    return { statuses, refusal: undefined };
  }

  it('refuses a username with 429 and Retry-After after repeated failures', async () => {
    const username = await createUser(supervisor.url, {
      username: freshUsername('clerk-hall'),
      password: PASSWORD,
      role: 'clerk',
      stationId: 'hall',
    });
    const { statuses, refusal } = await failUntilRefused(username);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(refusal?.status).toBe(429);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal?.body).toMatchObject({ error: 'too_many_requests', fields: [] });
    // While the username waits, even its right password is refused: else guessing would go on.
    expect((await attempt(username, PASSWORD)).status).toBe(429);
    // Another username from the same address is not held up.
    expect((await attempt('clerk-hall', 'circle-demo')).status).toBe(200);

    const waitSeconds = Number((await attempt(username, PASSWORD)).headers.get('retry-after'));
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000 + 200));
    expect((await attempt(username, PASSWORD)).status).toBe(200);
    // Success forgot the failures: the next wrong password is a plain 401 again.
    expect((await attempt(username, 'not-the-password')).status).toBe(401);
  }, 60_000);

  it('slows an unknown username the same way, so a 429 reveals no account', async () => {
    const { statuses, refusal } = await failUntilRefused(freshUsername('nobody'));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(refusal?.status).toBe(429);
  });

  it('lets 60 successful logins from one address through within a minute', async () => {
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await attempt('clerk-hall', 'circle-demo')).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 70_000);

  it('refuses a password longer than 72 bytes when set, and never matches one at login', async () => {
    const admin = await login(supervisor.url, 'admin');
    const create = (password: string) =>
      call<Refusal>(`${supervisor.url}/api/users`, {
        token: admin,
        body: { username: freshUsername('clerk-hall'), password, role: 'clerk', stationId: 'hall' },
      });
    for (const password of ['p'.repeat(100), '医'.repeat(34)]) {
      const refused = await create(password);
      expect(refused.status).toBe(422);
      expect(refused.body.fields).toEqual([
        expect.objectContaining({
          field: 'password',
          problem: expect.stringContaining('72 bytes'),
        }),
      ]);
    }
    const longest = 'q'.repeat(72);
    const username = await createUser(supervisor.url, {
      username: freshUsername('clerk-hall'),
      password: longest,
      role: 'clerk',
      stationId: 'hall',
    });
    expect((await attempt(username, `${longest}${'z'.repeat(28)}`)).status).toBe(401);
    expect((await attempt(username, longest)).status).toBe(200);
  });

  it('refuses revoked tokens in every app, and takes a new login', async () => {
    const username = await createUser(supervisor.url, {
      username: freshUsername('clerk-hall'),
      password: PASSWORD,
      role: 'clerk',
      stationId: 'hall',
    });
    const token = await login(hall.url, username, PASSWORD);
    const station = `${hall.url}/api/stations/hall`;
    const ownStation = `${supervisor.url}/api/stations/hall/today`;
    expect((await call(station, { token })).status).toBe(200);
    expect((await call(ownStation, { token })).status).toBe(200);

    const revoke = (as: string, name: string) =>
      call(`${supervisor.url}/api/users/${name}/revoke-tokens`, { method: 'POST', token: as });
    const admin = await login(supervisor.url, 'admin');
    expect((await revoke(await login(supervisor.url, 'supervisor'), username)).status).toBe(403);
    expect((await revoke(admin, freshUsername('nobody'))).status).toBe(404);
    const revoked = await revoke(admin, username);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ username, tokenGeneration: 1 });

    // The app that revoked refuses at once; the others within TOKEN_REVOCATION_SECONDS (5).
    expect((await call(ownStation, { token })).status).toBe(401);
    const deadline = Date.now() + 7_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await call(station, { token })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(401);

    const fresh = await login(hall.url, username, PASSWORD);
    expect((await call(station, { token: fresh })).status).toBe(200);
    expect((await call(ownStation, { token: fresh })).status).toBe(200);
  }, 30_000);
});
