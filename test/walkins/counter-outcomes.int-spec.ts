import { RunningApp, startApp } from '../support/app-process';
import { As } from './walkins-apps';

// A port of its own beside the other walk-in suites' (TEST_PORT_BASE + 60…63).
const PORT = String(Number(process.env.TEST_PORT_BASE ?? 4100) + 64);
const STATION = 'town-2';

interface TicketBody {
  ticketId: string;
  number: string;
  status: string;
  outcome?: string;
  reason?: string;
  note?: string;
  recordId?: string;
  recordKind?: string;
}

jest.setTimeout(60_000);

describe("a ticket's outcome and the counter's history of the day", () => {
  let township: RunningApp;
  let clerk: As;
  let admin: As;
  const counterId = `h${Date.now().toString(36).slice(-5)}`;

  beforeAll(async () => {
    township = await startApp('township', { PORT });
    clerk = await As.user(township.url, `clerk-${STATION}`);
    admin = await As.user(township.url, 'admin');
    const added = await admin.post(`/stations/${STATION}/counters`, {
      counterId,
      skills: ['OFFSITE_FILING'],
    });
    expect(added.status).toBe(201);
    expect((await clerk.post(`/stations/${STATION}/counters/${counterId}/open`)).status).toBe(200);
    // Nothing left waiting for the business from earlier runs.
    for (;;) {
      const reply = await clerk.post(`/stations/${STATION}/counters/${counterId}/call-next`);
      if (reply.status === 204) break;
      const { ticket } = reply.body as unknown as { ticket: TicketBody };
      await clerk.post(`/tickets/${ticket.ticketId}/no-show`);
    }
  }, 90_000);

  afterAll(async () => {
    await clerk?.post(`/stations/${STATION}/counters/${counterId}/close`);
    await admin?.send('DELETE', `/stations/${STATION}/counters/${counterId}`);
    await township?.stop();
  });

  async function serveOne(): Promise<TicketBody> {
    const issued = await clerk.post(`/stations/${STATION}/tickets`, { business: 'OFFSITE_FILING' });
    expect(issued.status).toBe(201);
    const called = await clerk.post(`/stations/${STATION}/counters/${counterId}/call-next`);
    const { ticket } = called.body as unknown as { ticket: TicketBody };
    expect((await clerk.post(`/tickets/${ticket.ticketId}/start`)).status).toBe(200);
    return ticket;
  }

  it('refuses a not-handled ticket without a reason, and a reason from outside the list', async () => {
    const ticket = await serveOne();
    const missing = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'not-handled',
    });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ fields: [{ field: 'reason' }] });
    const unknown = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'not-handled',
      reason: 'tired',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ fields: [expect.objectContaining({ field: 'reason' })] });
    const other = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'not-handled',
      reason: 'other',
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ fields: [{ field: 'note' }] });
    const kindAlone = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'done',
      recordKind: 'filing',
    });
    expect(kindAlone.status).toBe(422);
    expect(kindAlone.body).toMatchObject({ fields: [{ field: 'recordId' }] });

    const left = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'not-handled',
      reason: 'resident-left',
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({
      status: 'done',
      outcome: 'not-handled',
      reason: 'resident-left',
    });
  });

  it('keeps the record and its kind on the ticket and in the history, newest first', async () => {
    const ticket = await serveOne();
    const done = await clerk.post(`/tickets/${ticket.ticketId}/complete`, {
      outcome: 'done',
      recordId: 'filing-7f3a',
      recordKind: 'filing',
    });
    expect(done.status).toBe(200);
    const read = await clerk.get(`/tickets/${ticket.ticketId}`);
    expect(read.body).toMatchObject({
      outcome: 'done',
      recordId: 'filing-7f3a',
      recordKind: 'filing',
    });

    const history = await clerk.get(`/stations/${STATION}/counters/${counterId}/history`);
    expect(history.status).toBe(200);
    const body = history.body as unknown as {
      counterId: string;
      day: string;
      tickets: (TicketBody & { serviceSeconds: number; finishedAt: string })[];
      totals: Record<string, number | null>;
    };
    expect(body.counterId).toBe(counterId);
    expect(body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.tickets.slice(0, 2)).toEqual([
      expect.objectContaining({ number: ticket.number, recordKind: 'filing', status: 'done' }),
      expect.objectContaining({ outcome: 'not-handled', reason: 'resident-left' }),
    ]);
    expect(body.tickets[0]!.serviceSeconds).toBeGreaterThanOrEqual(0);
    expect(body.totals).toMatchObject({ done: 1, notHandled: 1 });
  });

  it('answers 404 for a counter the station does not have, and 403 to another station', async () => {
    const none = await clerk.get(`/stations/${STATION}/counters/nope/history`);
    expect(none.status).toBe(404);
    const other = await clerk.get(`/stations/town-1/counters/1/history`);
    expect(other.status).toBe(403);
  });
});
