import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore, type StoredEvent } from '@circle/event-store';
import { queueStreamId, parseTicketId } from '../../libs/walkins/src/domain/ticket-id';
import { RunningApp, startApp } from '../support/app-process';
import { TEST_DATABASE_URL } from '../support/test-env';
import { As, WALKINS_PORTS, WalkinsApps, eventually, startWalkinsApps } from './walkins-apps';

interface TicketBody {
  ticketId: string;
  status: string;
  arrivedAt: string;
  transferredFrom?: string;
  transferredTo?: string;
}

jest.setTimeout(90_000);

describe('a transfer between stations, as a process whose steps are events', () => {
  let apps: WalkinsApps;
  let secondTownship: RunningApp | undefined;
  let pool: Pool;
  let store: EventStore;
  let townClerk: As;
  let hallClerk: As;

  beforeAll(async () => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
    store = new EventStore(pool);
    apps = await startWalkinsApps();
    townClerk = await As.user(apps.township.url, 'clerk-town-1');
    hallClerk = await As.user(apps.hall.url, 'clerk-hall');
  }, 90_000);

  afterAll(async () => {
    await secondTownship?.stop();
    await apps?.stop();
    await pool?.end();
  });

  async function issueAtTown(): Promise<string> {
    const reply = await townClerk.post('/stations/town-1/tickets', { business: 'ENROLL_RESIDENT' });
    expect(reply.status).toBe(201);
    return (reply.body as { ticketId: string }).ticketId;
  }

  /** The events of a ticket's queue, or of another station's queue of the same day. */
  async function queueEvents(ticketId: string, stationId?: string): Promise<StoredEvent[]> {
    const address = parseTicketId(ticketId);
    return store.readStream(queueStreamId(stationId ?? address.stationId, address.day));
  }

  const about = (transferId: string) => (e: StoredEvent) =>
    (e.data as { transferId?: string }).transferId === transferId;

  /** Step 1 written alone, as a crash right after it would leave it. */
  async function startedAlone(ticketId: string, toStationId: string, toBusiness: string) {
    const transferId = randomUUID();
    const address = parseTicketId(ticketId);
    const streamId = queueStreamId(address.stationId, address.day);
    const data = {
      transferId,
      ticketId,
      toStationId,
      toBusiness,
      by: 'clerk-town-1',
      at: new Date().toISOString(),
    };
    await store.append(
      streamId,
      await store.streamVersion(streamId),
      [{ type: 'walkins.TicketTransferStarted', schemaVersion: 1, data }],
      { correlationId: `crash-${transferId}`, actor: 'clerk-town-1', stationId: 'town-1' },
    );
    return transferId;
  }

  /** The township app killed, and two of it started at once: each carries on what it finds. */
  async function restartTownshipTwice(): Promise<void> {
    await apps.township.stop('SIGKILL');
    await secondTownship?.stop();
    [apps.township, secondTownship] = await Promise.all([
      startApp('township', { PORT: WALKINS_PORTS.township }),
      startApp('township', { PORT: WALKINS_PORTS.secondTownship }),
    ]);
    townClerk = await As.user(apps.township.url, 'clerk-town-1');
  }

  it('runs all three steps for a request and answers {from, ticket}; a repeat writes nothing', async () => {
    const ticketId = await issueAtTown();
    const headers = { 'Idempotency-Key': `transfer-${randomUUID()}` };
    const body = { toStationId: 'hall', toBusiness: 'MANUAL_REIMBURSEMENT' };
    const reply = await townClerk.post(`/tickets/${ticketId}/transfer`, body, headers);
    expect(reply.status).toBe(200);
    const { from, ticket } = reply.body as { from: TicketBody; ticket: TicketBody };
    expect(from).toMatchObject({ ticketId, status: 'transferred', transferredTo: ticket.ticketId });
    expect(ticket).toMatchObject({
      status: 'waiting',
      transferredFrom: ticketId,
      arrivedAt: from.arrivedAt,
    });

    const source = (await queueEvents(ticketId)).filter(
      (e) => (e.data as { ticketId?: string }).ticketId === ticketId,
    );
    expect(source.map((e) => e.type)).toEqual([
      'walkins.TicketIssued',
      'walkins.TicketTransferStarted',
      'walkins.TicketTransferCompleted',
    ]);
    const transferId = (source[1]?.data as { transferId: string }).transferId;
    const arrivals = (await queueEvents(ticketId, 'hall')).filter(about(transferId));
    expect(arrivals.map((e) => [e.type, e.schemaVersion])).toEqual([['walkins.TicketIssued', 2]]);

    const again = await townClerk.post(`/tickets/${ticketId}/transfer`, body, headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(reply.body);
    expect((await queueEvents(ticketId)).filter(about(transferId))).toHaveLength(2);
    expect((await hallClerk.post(`/tickets/${ticket.ticketId}/cancel`)).status).toBe(200);
  });

  it('completes a transfer that stopped after step 1 when the app comes back, exactly once', async () => {
    const ticketId = await issueAtTown();
    await apps.township.stop('SIGKILL');
    const transferId = await startedAlone(ticketId, 'hall', 'MANUAL_REIMBURSEMENT');
    await restartTownshipTwice();

    const source = await eventually(
      () => queueEvents(ticketId),
      (events) =>
        events.some((e) => e.type === 'walkins.TicketTransferCompleted' && about(transferId)(e)),
    );
    const steps = source.filter(about(transferId)).map((e) => e.type);
    expect(steps).toEqual(['walkins.TicketTransferStarted', 'walkins.TicketTransferCompleted']);
    const arrivals = (await queueEvents(ticketId, 'hall')).filter(about(transferId));
    expect(arrivals.map((e) => e.type)).toEqual(['walkins.TicketIssued']);
    const newTicketId = (arrivals[0]?.data as { ticketId: string }).ticketId;

    const old = await townClerk.get(`/tickets/${ticketId}`);
    expect(old.body).toMatchObject({ status: 'transferred', transferredTo: newTicketId });
    const arrived = await hallClerk.get(`/tickets/${newTicketId}`);
    expect(arrived.body).toMatchObject({ status: 'waiting', transferredFrom: ticketId });

    // Carried on again: the steps stand, so nothing more is written.
    await restartTownshipTwice();
    expect((await queueEvents(ticketId)).filter(about(transferId))).toHaveLength(2);
    expect((await queueEvents(ticketId, 'hall')).filter(about(transferId))).toHaveLength(1);
    expect((await hallClerk.post(`/tickets/${newTicketId}/cancel`)).status).toBe(200);
  });

  it('undoes a transfer the destination declines: the ticket waits again in its place', async () => {
    const ticketId = await issueAtTown();
    // village-1 handles no maternity: as if its items had changed after the request was checked.
    const transferId = await startedAlone(ticketId, 'village-1', 'MATERNITY');
    await restartTownshipTwice();

    const source = await eventually(
      () => queueEvents(ticketId),
      (events) =>
        events.some((e) => e.type === 'walkins.TicketTransferUndone' && about(transferId)(e)),
    );
    const steps = source.filter(about(transferId)).map((e) => e.type);
    expect(steps).toEqual(['walkins.TicketTransferStarted', 'walkins.TicketTransferUndone']);
    const declined = (await queueEvents(ticketId, 'village-1')).filter(about(transferId));
    expect(declined.map((e) => e.type)).toEqual(['walkins.TicketTransferDeclined']);
    expect((await townClerk.get(`/tickets/${ticketId}`)).body).toMatchObject({
      status: 'waiting',
    });

    const supervisor = await As.user(apps.supervisor.url, 'supervisor');
    const queue = await eventually(
      () => supervisor.get('/stations/town-1/queue'),
      (r) => JSON.stringify(r.body).includes(ticketId),
    );
    expect(JSON.stringify(queue.body)).toContain(ticketId);
    expect((await townClerk.post(`/tickets/${ticketId}/cancel`)).status).toBe(200);
  });
});
