import { makeNationalId } from '../../libs/enrollment/src/domain/national-id';
import { As, WalkinsApps, eventually, startWalkinsApps } from './walkins-apps';

interface Issued {
  ticketId: string;
  number: string;
  business: string;
  priorityClass: string;
  position: number;
  estimatedWait: { minMinutes: number; maxMinutes: number };
}
interface TicketBody {
  ticketId: string;
  number: string;
  status: string;
  arrivedAt: string;
  recalls: number;
  transferredFrom?: string;
  transferredTo?: string;
}

const run = Date.now().toString(36);

jest.setTimeout(60_000);

describe('walk-ins through HTTP', () => {
  let apps: WalkinsApps;
  let admin: As;
  let hallClerk: As;
  let townClerk: As;
  let otherTownClerk: As;

  beforeAll(async () => {
    apps = await startWalkinsApps();
    admin = await As.user(apps.hall.url, 'admin');
    hallClerk = await As.user(apps.hall.url, 'clerk-hall');
    townClerk = await As.user(apps.township.url, 'clerk-town-1');
    otherTownClerk = await As.user(apps.township.url, 'clerk-town-2');
  }, 90_000);

  const created: { as: As; stationId: string; id: string }[] = [];

  afterAll(async () => {
    for (const { as, stationId, id } of created) {
      await as.post(`/stations/${stationId}/counters/${id}/close`);
      await (
        await As.user(as.base, 'admin')
      ).send('DELETE', `/stations/${stationId}/counters/${id}`);
    }
    await apps?.stop();
  });

  /** A counter of its own for one business, with nothing left waiting for it from earlier runs. */
  async function freshCounter(as: As, stationId: string, business: string, id: string) {
    const asAdmin = await As.user(as.base, 'admin');
    const added = await asAdmin.send('POST', `/stations/${stationId}/counters`, {
      counterId: id,
      skills: [business],
    });
    expect(added.status).toBe(201);
    created.push({ as, stationId, id });
    expect((await as.post(`/stations/${stationId}/counters/${id}/open`)).status).toBe(200);
    for (;;) {
      const reply = await as.post(`/stations/${stationId}/counters/${id}/call-next`);
      if (reply.status === 204) return;
      const { ticket } = reply.body as { ticket: TicketBody };
      expect((await as.post(`/tickets/${ticket.ticketId}/no-show`)).status).toBe(200);
    }
  }

  it('issues a numbered ticket with its position and wait range', async () => {
    const reply = await townClerk.post('/stations/town-1/tickets', {
      business: 'COVERAGE_ENQUIRY',
      phone: '13800138000',
    });
    expect(reply.status).toBe(201);
    const body = reply.body as unknown as Issued;
    expect(body).toMatchObject({ business: 'COVERAGE_ENQUIRY', priorityClass: 'regular' });
    expect(body.number).toMatch(/^D\d{3,}$/);
    expect(body.ticketId).toMatch(/^town-1-\d{8}-\d{4}$/);
    expect(body.position).toBeGreaterThanOrEqual(1);
    expect(body.estimatedWait.maxMinutes).toBeGreaterThanOrEqual(body.estimatedWait.minMinutes);
  });

  it('queues a resident of 70 or more as elderly from the ID', async () => {
    const residentId = makeNationalId('370811', '1940-03-01', 21);
    const reply = await townClerk.post('/stations/town-1/tickets', {
      business: 'ENROLL_RESIDENT',
      residentId,
    });
    expect(reply.body).toMatchObject({ priorityClass: 'elderly' });
    const bad = await townClerk.post('/stations/town-1/tickets', {
      business: 'ENROLL_RESIDENT',
      residentId: '370811194003010000',
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ fields: [{ field: 'residentId' }] });
  });

  it('refuses a business the station does not handle, naming the nearest stations', async () => {
    const reply = await townClerk.post('/stations/town-1/tickets', { business: 'MATERNITY' });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      error: 'wrong_station',
      fields: [{ field: 'business' }],
      nearestStations: [{ stationId: 'hall' }],
    });
    // By road on the demo geography; by straight line only where the roads place no station.
    const travel = (reply.body as { travel: { method: string } }).travel;
    expect(['road-network', 'straight-line']).toContain(travel.method);
    const [hall] = (reply.body as { nearestStations: { travelMinutes: number }[] }).nearestStations;
    expect(hall?.travelMinutes).toBeGreaterThan(0);
  });

  it('answers 422 naming each bad field', async () => {
    const reply = await townClerk.post('/stations/town-1/tickets', {
      business: 'PARKING',
      priority: 'vip',
      extra: 1,
    });
    expect(reply.status).toBe(422);
    const fields = (reply.body as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['business', 'priority', 'extra']));
  });

  it('lets a clerk act only at their own station', async () => {
    const issued = await otherTownClerk.post('/stations/town-1/tickets', {
      business: 'CHANGE_INFO',
    });
    expect(issued.status).toBe(403);
    const own = await townClerk.post('/stations/town-1/tickets', { business: 'CHANGE_INFO' });
    const { ticketId } = own.body as unknown as Issued;
    expect((await otherTownClerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(403);
    expect((await otherTownClerk.post('/stations/town-1/counters/1/call-next')).status).toBe(403);
    expect((await townClerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(200);
  });

  it('lets the supervisor read but not write', async () => {
    const supervisor = await As.user(apps.township.url, 'supervisor');
    expect((await supervisor.get('/stations/town-1/queue')).status).toBe(200);
    const write = await supervisor.post('/stations/town-1/tickets', { business: 'CHANGE_INFO' });
    expect(write.status).toBe(403);
    const onSupervisor = await As.user(apps.supervisor.url, 'supervisor');
    expect((await onSupervisor.post('/stations/town-1/counters/1/call-next')).status).toBe(404);
    // The supervisor's read models follow the log: right after start they may still be catching up.
    const today = await eventually(
      () => onSupervisor.get('/stations/town-1/today'),
      (r) => r.status === 200,
    );
    expect(today.status).toBe(200);
  });

  it('gives 50 clerks calling at once 10 distinct tickets and 40 empty answers', async () => {
    const counters = Array.from({ length: 50 }, (_, i) => `k${run}-${i}`);
    await freshCounter(hallClerk, 'hall', 'MATERNITY', counters[0]!);
    for (const id of counters.slice(1)) {
      await admin.send('POST', '/stations/hall/counters', { counterId: id, skills: ['MATERNITY'] });
      expect((await hallClerk.post(`/stations/hall/counters/${id}/open`)).status).toBe(200);
    }
    for (let i = 0; i < 10; i++)
      expect(
        (await hallClerk.post('/stations/hall/tickets', { business: 'MATERNITY' })).status,
      ).toBe(201);

    const replies = await Promise.all(
      counters.map((id) => hallClerk.post(`/stations/hall/counters/${id}/call-next`)),
    );
    const called = replies.filter((r) => r.status === 200);
    const ids = called.map((r) => (r.body as { ticket: TicketBody }).ticket.ticketId);
    expect(called).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(replies.filter((r) => r.status === 204)).toHaveLength(40);

    for (const id of ids) await hallClerk.post(`/tickets/${id}/no-show`);
    for (const id of counters.slice(1)) {
      await hallClerk.post(`/stations/hall/counters/${id}/close`);
      expect((await admin.send('DELETE', `/stations/hall/counters/${id}`)).status).toBe(204);
    }
  }, 60_000);

  it('refuses a call from a closed counter or one still serving', async () => {
    const id = `b${run}`;
    await freshCounter(townClerk, 'town-1', 'OFFSITE_FILING', id);
    await townClerk.post('/stations/town-1/tickets', { business: 'OFFSITE_FILING' });
    await townClerk.post('/stations/town-1/tickets', { business: 'OFFSITE_FILING' });
    expect((await townClerk.post(`/stations/town-1/counters/${id}/call-next`)).status).toBe(200);
    const busy = await townClerk.post(`/stations/town-1/counters/${id}/call-next`);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ error: 'counter_busy' });
    expect((await townClerk.post(`/stations/town-1/counters/${id}/pause`)).status).toBe(200);
    expect((await townClerk.post(`/stations/town-1/counters/${id}/pause`)).status).toBe(200);
    const paused = await townClerk.post(`/stations/town-1/counters/${id}/call-next`);
    expect(paused.status).toBe(409);
    expect(paused.body).toMatchObject({ error: 'counter_not_open' });
  });

  it('recalls up to the limit, then marks a no-show', async () => {
    const id = `r${run}`;
    await freshCounter(townClerk, 'town-1', 'CHRONIC_QUALIFICATION', id);
    await townClerk.post('/stations/town-1/tickets', { business: 'CHRONIC_QUALIFICATION' });
    const call = await townClerk.post(`/stations/town-1/counters/${id}/call-next`);
    const { ticketId } = (call.body as { ticket: TicketBody }).ticket;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await townClerk.post(`/tickets/${ticketId}/recall`);
      statuses.push(`${(reply.body as TicketBody).status}:${(reply.body as TicketBody).recalls}`);
    }
    expect(statuses).toEqual(['called:1', 'called:2', 'no-show:2']);
  });

  it('serves a ticket from call to completion with its outcome and record', async () => {
    const id = `s${run}`;
    await freshCounter(townClerk, 'town-1', 'ENROLL_EMPLOYEE', id);
    await townClerk.post('/stations/town-1/tickets', { business: 'ENROLL_EMPLOYEE' });
    const call = await townClerk.post(`/stations/town-1/counters/${id}/call-next`);
    const { ticketId } = (call.body as { ticket: TicketBody }).ticket;
    expect((await townClerk.post(`/tickets/${ticketId}/start`)).body).toMatchObject({
      status: 'serving',
    });
    const done = await townClerk.post(`/tickets/${ticketId}/complete`, {
      outcome: 'documents-missing',
      recordId: 'ENR-42',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'documents-missing' });
    expect((await townClerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(409);
  });

  it('transfers to another station keeping the arrival and linking both tickets', async () => {
    const issued = await townClerk.post('/stations/town-1/tickets', {
      business: 'ENROLL_RESIDENT',
    });
    const { ticketId } = issued.body as unknown as Issued;
    const refused = await townClerk.post(`/tickets/${ticketId}/transfer`, {
      toStationId: 'village-1',
      toBusiness: 'MATERNITY',
    });
    expect(refused.status).toBe(422);
    const reply = await townClerk.post(`/tickets/${ticketId}/transfer`, {
      toStationId: 'hall',
      toBusiness: 'MANUAL_REIMBURSEMENT',
    });
    expect(reply.status).toBe(200);
    const { from, ticket } = reply.body as { from: TicketBody; ticket: TicketBody };
    expect(from).toMatchObject({ status: 'transferred', transferredTo: ticket.ticketId });
    expect(ticket).toMatchObject({ status: 'waiting', transferredFrom: ticketId });
    expect(ticket.ticketId).toMatch(/^hall-/);
    expect(ticket.number).toMatch(/^G/);
    expect(ticket.arrivedAt).toBe(from.arrivedAt);
    const atHall = await hallClerk.get(`/tickets/${ticket.ticketId}`);
    expect(atHall.body).toMatchObject({ transferredFrom: ticketId, status: 'waiting' });
    expect((await hallClerk.post(`/tickets/${ticket.ticketId}/cancel`)).status).toBe(200);
  });

  it('answers a repeated Idempotency-Key with the first answer', async () => {
    const headers = { 'Idempotency-Key': `issue-${run}` };
    const body = { business: 'COVERAGE_ENQUIRY' };
    const first = await townClerk.post('/stations/town-1/tickets', body, headers);
    const again = await townClerk.post('/stations/town-1/tickets', body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('issues one ticket for repeats sent at once, and refuses the key for another request', async () => {
    const headers = { 'Idempotency-Key': `together-${run}` };
    const body = { business: 'COVERAGE_ENQUIRY' };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => townClerk.post('/stations/town-1/tickets', body, headers)),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const first = replies[0]!.body as unknown as Issued;
    for (const reply of replies) expect(reply.body).toEqual(first);

    const reused = await townClerk.post(
      '/stations/town-1/tickets',
      { business: 'CHANGE_INFO' },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(JSON.stringify(reused.body)).toContain('Idempotency-Key');

    // The repeats and the refused reuse issued nothing: the next ticket follows the first.
    const next = (await townClerk.post('/stations/town-1/tickets', body)).body as unknown as Issued;
    const serial = (t: Issued) => Number(t.ticketId.slice(t.ticketId.lastIndexOf('-') + 1));
    expect(serial(next)).toBe(serial(first) + 1);
    for (const t of [first, next])
      expect((await townClerk.post(`/tickets/${t.ticketId}/cancel`)).status).toBe(200);
  });

  it('streams queue changes live, token in the query', async () => {
    const controller = new AbortController();
    const url = `${apps.township.url}/api/stations/town-2/events?access_token=${(await As.user(apps.township.url, 'clerk-town-2')).token}`;
    const response = await fetch(url, { signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const seen = (async () => {
      while (!text.includes('"TicketIssued"')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    await otherTownClerk.post('/stations/town-2/tickets', { business: 'CHANGE_INFO' });
    await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))]);
    controller.abort();
    expect(text).toContain('"type":"Snapshot"');
    expect(text).toContain('"type":"TicketIssued"');
  });

  it('shows the queue in call order and today’s figures on the supervisor', async () => {
    const supervisor = await As.user(apps.supervisor.url, 'supervisor');
    const id = `v${run}`;
    await freshCounter(hallClerk, 'hall', 'ASSISTANCE_REIMBURSEMENT', id);
    const regular = await hallClerk.post('/stations/hall/tickets', {
      business: 'ASSISTANCE_REIMBURSEMENT',
    });
    const veteran = await hallClerk.post('/stations/hall/tickets', {
      business: 'ASSISTANCE_REIMBURSEMENT',
      priority: 'veteran',
    });
    const order = [veteran, regular].map((r) => (r.body as unknown as Issued).ticketId);
    const queue = await eventually(
      () => supervisor.get('/stations/hall/queue'),
      (r) => order.every((t) => JSON.stringify(r.body).includes(t)),
    );
    const waiting = (queue.body as { waiting: { ticketId: string; position: number }[] }).waiting;
    const mine = waiting.filter((w) => order.includes(w.ticketId)).map((w) => w.ticketId);
    expect(mine).toEqual(order);
    const today = await supervisor.get('/stations/hall/today');
    expect(today.body).toEqual({
      issued: expect.any(Number),
      served: expect.any(Number),
      noShows: expect.any(Number),
      waiting: expect.any(Number),
      averageWaitSeconds: expect.any(Number),
      averageServiceSeconds: expect.any(Number),
    });
    expect((today.body as { waiting: number }).waiting).toBeGreaterThanOrEqual(2);
    const clerks = await supervisor.get('/stations/hall/today/clerks');
    expect(clerks.status).toBe(200);
    const counters = await eventually(
      () => supervisor.get('/stations/hall/counters'),
      (r) => JSON.stringify(r.body).includes(id),
    );
    expect(counters.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ counterId: id, status: 'open' })]),
    );
    for (const t of order) await hallClerk.post(`/tickets/${t}/cancel`);
  }, 60_000);
});
