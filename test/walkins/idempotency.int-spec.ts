import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore } from '@circle/event-store';
import { parseTicketId, queueStreamId } from '../../libs/walkins/src/domain/ticket-id';
import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { RunningApp, startApp } from '../support/app-process';
import { TEST_DATABASE_URL } from '../support/test-env';
import { As, Reply } from './walkins-apps';

/*
 * CONTRACT's Idempotency-Key through HTTP on a township app: every walk-in command answers a
 * repeat with its first answer, keys are the user's own, malformed keys store nothing, and a
 * key past its lifetime is a new key. The app listens on TEST_PORT_BASE + 66 (4166 by default).
 */
const PORT = String(Number(process.env.TEST_PORT_BASE ?? 4100) + 66);
const BUSINESS = 'COVERAGE_ENQUIRY';
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

interface Ticket {
  ticketId: string;
  status: string;
}

jest.setTimeout(90_000);

describe('Idempotency-Key on walk-in commands', () => {
  let township: RunningApp;
  let pool: Pool;
  let store: EventStore;
  let clerk: As;
  let admin: As;
  const counterId = `i${run.slice(-6)}`;
  const counter = `/stations/town-1/counters/${counterId}`;
  let keys = 0;

  /** A key outside the old walk-in pattern (`[\w.:-]`): it was ignored, and retries applied twice. */
  const key = () => ({ 'Idempotency-Key': `k#${(keys += 1)}/${run}+"{~}` });

  beforeAll(async () => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    store = new EventStore(pool);
    township = await startApp('township', { PORT });
    clerk = await As.user(township.url, 'clerk-town-1');
    admin = await As.user(township.url, 'admin');
    const added = await admin.post('/stations/town-1/counters', { counterId, skills: [BUSINESS] });
    expect(added.status).toBe(201);
    expect((await clerk.post(`${counter}/open`)).status).toBe(200);
    // Tickets left waiting for this business by earlier runs would be called before ours.
    for (let reply = await clerk.post(`${counter}/call-next`); reply.status === 200;) {
      const { ticket } = reply.body as { ticket: Ticket };
      expect((await clerk.post(`/tickets/${ticket.ticketId}/no-show`)).status).toBe(200);
      reply = await clerk.post(`${counter}/call-next`);
    }
  }, 90_000);

  afterAll(async () => {
    await clerk?.post(`${counter}/close`);
    await admin?.send('DELETE', `/stations/town-1/counters/${counterId}`);
    await township?.stop();
    await pool?.query('DELETE FROM idempotency_keys WHERE key LIKE $1', [`%${run}%`]);
    await pool?.end();
  });

  async function issue(as = clerk, headers: Record<string, string> = {}): Promise<Ticket> {
    const reply = await as.post('/stations/town-1/tickets', { business: BUSINESS }, headers);
    expect(reply.status).toBe(201);
    return reply.body as Ticket;
  }

  async function queueVersion(ticketId: string): Promise<number> {
    const { stationId, day } = parseTicketId(ticketId);
    return store.streamVersion(queueStreamId(stationId, day));
  }

  /** Sends the request twice with one key: the repeat gets the first answer and writes nothing. */
  async function twice(route: string, body: unknown, ticketId: string): Promise<Reply> {
    const headers = key();
    const first = await clerk.post(route, body, headers);
    expect(first.status).toBeLessThan(300);
    const version = await queueVersion(ticketId);
    const again = await clerk.post(route, body, headers);
    expect({ status: again.status, body: again.body }).toEqual({
      status: first.status,
      body: first.body,
    });
    expect(await queueVersion(ticketId)).toBe(version);
    return first;
  }

  const serial = (t: Ticket) => Number(t.ticketId.slice(t.ticketId.lastIndexOf('-') + 1));

  it('issues one ticket for a retried issue-ticket whose key the old pattern ignored', async () => {
    const headers = key();
    const first = await issue(clerk, headers);
    expect(await issue(clerk, headers)).toEqual(first);
    const next = await issue();
    expect(serial(next)).toBe(serial(first) + 1);
    for (const t of [first, next]) await clerk.post(`/tickets/${t.ticketId}/cancel`);
  });

  it('calls one ticket for a retried call-next, and answers the repeat as the first', async () => {
    const waiting = await issue();
    const called = await twice(`${counter}/call-next`, {}, waiting.ticketId);
    expect(called.body).toMatchObject({ ticket: { ticketId: waiting.ticketId, status: 'called' } });
    expect((await clerk.post(`/tickets/${waiting.ticketId}/cancel`)).status).toBe(200);
  });

  it('answers repeats of start and complete with their first answers, not 409', async () => {
    const { ticketId } = await issue();
    expect((await clerk.post(`${counter}/call-next`)).status).toBe(200);
    await twice(`/tickets/${ticketId}/start`, {}, ticketId);
    const done = await twice(`/tickets/${ticketId}/complete`, { outcome: 'done' }, ticketId);
    expect(done.body).toMatchObject({ ticketId, status: 'done' });
  });

  it('answers repeats of no-show and cancel with their first answers, not 409', async () => {
    const absent = await issue();
    expect((await clerk.post(`${counter}/call-next`)).status).toBe(200);
    await twice(`/tickets/${absent.ticketId}/no-show`, {}, absent.ticketId);
    const dropped = await issue();
    const cancelled = await twice(`/tickets/${dropped.ticketId}/cancel`, {}, dropped.ticketId);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
  });

  it('answers a repeated transfer with its first answer', async () => {
    const { ticketId } = await issue();
    const moved = await twice(
      `/tickets/${ticketId}/transfer`,
      { toBusiness: 'CHANGE_INFO' },
      ticketId,
    );
    const { ticket } = moved.body as { ticket: Ticket };
    expect((await clerk.post(`/tickets/${ticket.ticketId}/cancel`)).status).toBe(200);
  });

  it('answers repeats of counter and station edits with their first answers', async () => {
    const { ticketId } = await issue();
    await twice(`${counter}/pause`, {}, ticketId);
    await twice(`${counter}/open`, {}, ticketId);
    const adminTwice = async (method: string, route: string, body: unknown) => {
      const headers = key();
      const first = await admin.send(method, route, body, headers);
      expect(first.status).toBeLessThan(300);
      const again = await admin.send(method, route, body, headers);
      expect({ status: again.status, body: again.body }).toEqual({
        status: first.status,
        body: first.body,
      });
    };
    await adminTwice('PUT', `${counter}/skills`, { skills: [BUSINESS] });
    const spare = `j${run.slice(-6)}`;
    await adminTwice('POST', '/stations/town-1/counters', { counterId: spare, skills: [BUSINESS] });
    await adminTwice('DELETE', `/stations/town-1/counters/${spare}`, undefined);
    expect((await clerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(200);
  });

  it('refuses the key with another body or on another route, naming Idempotency-Key', async () => {
    const headers = key();
    const { ticketId } = await issue(clerk, headers);
    const otherBody = await clerk.post(
      '/stations/town-1/tickets',
      { business: 'CHANGE_INFO' },
      headers,
    );
    const otherRoute = await clerk.post(`/tickets/${ticketId}/cancel`, {}, headers);
    for (const reply of [otherBody, otherRoute]) {
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ fields: [{ field: 'Idempotency-Key' }] });
    }
    expect((await clerk.get(`/tickets/${ticketId}`)).body).toMatchObject({ status: 'waiting' });
    expect((await clerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(200);
  });

  it('takes another user’s identical key as a different key', async () => {
    const headers = key();
    const mine = await issue(clerk, headers);
    const theirs = await issue(admin, headers);
    expect(theirs.ticketId).not.toBe(mine.ticketId);
    expect(await issue(admin, headers)).toEqual(theirs);
    for (const t of [mine, theirs]) await clerk.post(`/tickets/${t.ticketId}/cancel`);
  });

  it('refuses a 101-character key with 422 and stores nothing; 100 characters are a key', async () => {
    const probe = await issue();
    const before = await queueVersion(probe.ticketId);
    const long = { 'Idempotency-Key': `${run}-${'k'.repeat(101)}`.slice(0, 101) };
    const refused = await clerk.post('/stations/town-1/tickets', { business: BUSINESS }, long);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ fields: [{ field: 'Idempotency-Key' }] });
    expect(await queueVersion(probe.ticketId)).toBe(before);
    const stored = await pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [
      long['Idempotency-Key'],
    ]);
    expect(stored.rowCount).toBe(0);
    const fits = { 'Idempotency-Key': long['Idempotency-Key'].slice(0, 100) };
    const kept = await issue(clerk, fits);
    expect(await issue(clerk, fits)).toEqual(kept);
    for (const t of [probe, kept]) await clerk.post(`/tickets/${t.ticketId}/cancel`);
  });

  it('refuses a malformed key on enrollment too, recording nothing', async () => {
    const residentId = freshResidentId();
    const body = {
      residentId,
      name: '王小明',
      phone: '13800000000',
      category: 'general',
      region: 'taibai-lake',
      year: 2022,
    };
    const refused = await clerk.post('/residents', body, { 'Idempotency-Key': 'two words' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ fields: [{ field: 'Idempotency-Key' }] });
    expect(await store.streamVersion(`resident-${residentId}`)).toBe(0);
  });

  it('takes a key past its lifetime as a new key', async () => {
    const headers = key();
    const first = await issue(clerk, headers);
    await pool.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours'
       WHERE scope = 'clerk-town-1' AND key = $1`,
      [headers['Idempotency-Key']],
    );
    const anew = await issue(clerk, headers);
    expect(serial(anew)).toBeGreaterThan(serial(first));
    expect(await issue(clerk, headers)).toEqual(anew);
    for (const t of [first, anew]) await clerk.post(`/tickets/${t.ticketId}/cancel`);
  });
});
