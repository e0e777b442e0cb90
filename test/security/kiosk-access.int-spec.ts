import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { createUser, firstStreamMessage, freshUsername, securityPort } from './security-fixtures';

// CONTRACT: `kiosk-<stationId>` issues tickets and reads the live stream of that station,
// nothing else.
describe('kiosk accounts', () => {
  let township: RunningApp;
  let hall: RunningApp;
  let supervisor: RunningApp;
  let kiosk: string;
  let ticketId: string;

  beforeAll(async () => {
    [township, hall, supervisor] = await Promise.all([
      startApp('township', { PORT: securityPort(0) }),
      startApp('hall', { PORT: securityPort(1) }),
      startApp('supervisor', { PORT: securityPort(2) }),
    ]);
    kiosk = await login(township.url, 'kiosk-town-1');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([township, hall, supervisor].map((app) => app?.stop()));
  });

  it('issues a ticket at its own station', async () => {
    const reply = await call<{ ticketId: string; number: string }>(
      `${township.url}/api/stations/town-1/tickets`,
      { token: kiosk, body: { business: 'COVERAGE_ENQUIRY' } },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.number).toMatch(/^[A-Z]\d{3}$/);
    ticketId = reply.body.ticketId;
  });

  it('reads what the kiosk and board pages show: the station and its live stream', async () => {
    expect((await call(`${township.url}/api/stations/town-1`, { token: kiosk })).status).toBe(200);
    for (const base of [township.url, supervisor.url])
      for (const path of ['events', 'events/stream']) {
        const stream = await firstStreamMessage(`${base}/api/stations/town-1/${path}`, kiosk);
        expect(stream.status).toBe(200);
        expect(stream.first).toMatchObject({ type: 'Snapshot', stationId: 'town-1' });
      }
  });

  it('is refused everything else at its station with 403', async () => {
    const station = `${township.url}/api/stations/town-1`;
    const refused: [string, string, unknown?][] = [
      ['POST', `${station}/counters/1/call-next`],
      ['POST', `${station}/counters/1/open`],
      ['GET', `${station}/counters`],
      ['GET', `${supervisor.url}/api/stations/town-1/today`],
      ['GET', `${township.url}/api/tickets/${ticketId}`],
      ['POST', `${township.url}/api/tickets/${ticketId}/cancel`, {}],
      ['POST', `${township.url}/api/residents`, { residentId: '110105194912310021' }],
      ['GET', `${supervisor.url}/api/stations/town-1/queue`],
      ['GET', `${supervisor.url}/api/stations`],
      ['GET', `${supervisor.url}/api/users`],
      ['GET', `${supervisor.url}/api/audit`],
    ];
    for (const [method, url, body] of refused) {
      const reply = await call(url, { method, token: kiosk, body });
      expect({ method, url, status: reply.status }).toEqual({ method, url, status: 403 });
      expect(reply.body).toMatchObject({ error: 'forbidden' });
    }
  });

  it('is refused every other station with 403', async () => {
    const other = `${township.url}/api/stations/town-2`;
    expect(
      (await call(`${other}/tickets`, { token: kiosk, body: { business: 'COVERAGE_ENQUIRY' } }))
        .status,
    ).toBe(403);
    expect((await call(other, { token: kiosk })).status).toBe(403);
    expect((await firstStreamMessage(`${other}/events`, kiosk)).status).toBe(403);
    const hallKiosk = await call(`${hall.url}/api/stations/hall/tickets`, {
      token: kiosk,
      body: { business: 'COVERAGE_ENQUIRY' },
    });
    expect(hallKiosk.status).toBe(403);
  });

  it('is made by admins for one station only', async () => {
    const admin = await login(supervisor.url, 'admin');
    const withoutStation = await call(`${supervisor.url}/api/users`, {
      token: admin,
      body: { username: freshUsername('kiosk-x'), password: 'a-long-password', role: 'kiosk' },
    });
    expect(withoutStation.status).toBe(422);
    expect(withoutStation.body).toMatchObject({ fields: [{ field: 'stationId' }] });
    const username = await createUser(supervisor.url, {
      username: freshUsername('kiosk-town-2'),
      password: 'a-long-password',
      role: 'kiosk',
      stationId: 'town-2',
    });
    const token = await login(township.url, username, 'a-long-password');
    const issued = await call(`${township.url}/api/stations/town-2/tickets`, {
      token,
      body: { business: 'COVERAGE_ENQUIRY' },
    });
    expect({ status: issued.status, body: issued.body }).toMatchObject({ status: 201 });
  });
});
