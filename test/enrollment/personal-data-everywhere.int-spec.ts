import { randomInt, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PgPersonalData, isSealed } from '../../libs/event-store/src';
import { claimsDeadlinesProjection } from '../../libs/claims/src/projections';
import { loadPersonalDataMasterKey } from '../../libs/platform/src';
import { claimBody, dischargeBody } from '../claims/claims-fixtures';
import { freshPhone } from '../notifier/support/sms-events';
import { waitFor } from '../notifier/support/sms-records';
import { rebuildAndCompare } from '../simulator/support/read-model-rebuild';
import type { RunningApp } from '../support/app-process';
import { startApps, stopApps } from '../support/start-apps';
import { call, login } from '../support/http';
import { TEST_DATABASE_URL, type AppName } from '../support/test-env';
import { freshResidentId } from './enrollment-fixtures';

// Ports of its own: TEST_PORT_BASE + 34 (hall), + 35 (hospital), + 36 (supervisor), + 37 (notifier).
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100);
const ERASED = '[erased]';

jest.setTimeout(120_000);

interface RawEvent {
  stream_id: string;
  event_type: string;
  data: Record<string, unknown>;
  text: string;
}

interface ListedClaim {
  claimId: string;
  maskedName: string;
}

describe("a person's phone and name on tickets, settlements and claims: sealed, and erased with them", () => {
  const db = new Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  const personal = new PgPersonalData(db, loadPersonalDataMasterKey({}));
  const residentId = freshResidentId('1968-03-02');
  const name = `封存${String.fromCharCode(0x4e00 + randomInt(0, 20000))}${Date.now() % 100000}`;
  const maskedName = [...name][0] + '*'.repeat([...name].length - 1);
  const phone = freshPhone();
  const address = `太白湖新区${randomInt(1000, 9999)}号`;
  const changeKey = randomUUID();
  const claimKey = randomUUID();
  const account = `62170000${randomInt(10_000_000, 99_999_999)}`;
  let hall: RunningApp;
  let hospital: RunningApp;
  let supervisor: RunningApp;
  let notifier: RunningApp;
  let hallClerk: string;
  let admin: string;
  let reader: string;
  let claimId: string;
  let settlementId: string;
  const ticketIds: string[] = [];

  beforeAll(async () => {
    const env = { SMS_CALLBACK_SECRET: 'callback-secret-for-the-tests' };
    const ports: Partial<Record<AppName, number>> = {
      hall: 34,
      hospital: 35,
      supervisor: 36,
      notifier: 37,
    };
    [hall, hospital, supervisor, notifier] = (await startApps(
      ['hall', 'hospital', 'supervisor', 'notifier'],
      (app) => ({ PORT: String(BASE + (ports[app] ?? 0)), ...env }),
    )) as [RunningApp, RunningApp, RunningApp, RunningApp];
    [hallClerk, admin, reader] = await Promise.all([
      login(hall.url, 'clerk-hall'),
      login(hall.url, 'admin'),
      login(supervisor.url, 'supervisor'),
    ]);
    const enrolled = await call<{ payableFen: number }>(`${hall.url}/api/residents`, {
      token: hallClerk,
      body: { residentId, name, phone, category: 'general', region: 'taibai-lake', year: 2022 },
    });
    expect(enrolled.status).toBe(201);
    const paid = await call(`${hall.url}/api/residents/${residentId}/contributions/2022/payments`, {
      token: hallClerk,
      body: { amountFen: enrolled.body.payableFen, method: 'cash' },
    });
    expect(paid.status).toBe(201);
    // A kept answer that shows the person's details: the erasure must not leave it behind.
    const changed = await call(`${hall.url}/api/residents/${residentId}`, {
      method: 'PATCH',
      token: hallClerk,
      headers: { 'idempotency-key': changeKey },
      body: { address, reason: '搬家' },
    });
    expect(changed.status).toBe(200);
    for (const body of [
      { business: 'ENROLL_RESIDENT', phone },
      { business: 'ENROLL_RESIDENT', phone, residentId },
    ]) {
      const issued = await call<{ ticketId: string }>(`${hall.url}/api/stations/hall/tickets`, {
        token: hallClerk,
        body,
      });
      expect(issued.status).toBe(201);
      ticketIds.push(issued.body.ticketId);
    }
    const settled = await call<{ settlementId: string }>(`${hospital.url}/api/settlements`, {
      token: await login(hospital.url, 'clerk-hosp-2'),
      body: dischargeBody(residentId, { admissionId: `ZY-${Date.now()}` }),
    });
    expect(settled.status).toBe(201);
    settlementId = settled.body.settlementId;
    const submitted = await call<{ claimId: string }>(`${hall.url}/api/claims`, {
      token: hallClerk,
      headers: { 'idempotency-key': claimKey },
      body: claimBody(residentId, { admissionId: `ZY-C${Date.now()}`, payeeAccount: account }),
    });
    expect(submitted.status).toBe(201);
    claimId = submitted.body.claimId;
  }, 300_000);

  afterAll(async () => {
    await stopApps([hall, hospital, supervisor, notifier]);
    await db.end();
  }, 60_000);

  /** This person's tickets, benefit year and claim, as the log holds them. */
  const rawEvents = async (): Promise<RawEvent[]> =>
    (
      await db.query<RawEvent>(
        `SELECT stream_id, event_type, data, data::text AS text FROM events
         WHERE (event_type = 'walkins.TicketIssued' AND data ->> 'ticketId' = ANY($1))
            OR stream_id IN ($2, $3)
         ORDER BY global_position`,
        [ticketIds, `benefit-year-${residentId}-2022`, `claim-${claimId}`],
      )
    ).rows;

  /** The ticket phones opened with whatever keys there are now. */
  const ticketPhones = async (): Promise<(string | undefined)[]> => {
    const issued = (await rawEvents()).filter((e) => e.event_type === 'walkins.TicketIssued');
    const keyIds = issued.map((e) => String(e.data.phoneKey));
    const keyring = await personal.keyring(keyIds);
    return issued.map((e) => keyring.open(String(e.data.phoneKey), { phone: e.data.phone }).phone);
  };

  const notices = async (): Promise<(string | undefined)[]> => {
    const events = (await rawEvents()).filter((e) => e.data.notice);
    const keyring = await personal.keyring([residentId]);
    return events.map((e) => {
      const notice = e.data.notice as Record<string, unknown>;
      return keyring.open(residentId, { phone: notice.phone }).phone;
    });
  };

  const listed = async (token: string): Promise<ListedClaim | undefined> =>
    (await call<ListedClaim[]>(`${hall.url}/api/claims?status=rejected`, { token })).body.find(
      (c) => c.claimId === claimId,
    );

  it('keeps no phone or name in plain text on tickets, settlements and claims', async () => {
    const rejected = await call(`${hall.url}/api/claims/${claimId}/reject`, {
      token: hallClerk,
      body: { reason: '发票为复印件，请提供原件' },
    });
    expect(rejected.status).toBe(200);
    const events = await rawEvents();
    const types = events.map((e) => e.event_type);
    expect(types).toEqual(
      expect.arrayContaining([
        'walkins.TicketIssued',
        'settlement.BillSettled',
        'claims.ClaimSubmitted',
        'claims.ClaimRejected',
      ]),
    );
    for (const event of events) {
      expect(event.text).not.toContain(phone);
      expect(event.text).not.toContain(name);
      expect(event.text).not.toContain(`"${maskedName}"`);
      expect(event.text).not.toContain(account);
    }
    const issued = events.filter((e) => e.event_type === 'walkins.TicketIssued');
    expect(issued.map((e) => e.data.phoneKey)).toEqual([personal.phoneKeyId(phone), residentId]);
    expect(issued.every((e) => isSealed(e.data.phone))).toBe(true);
    const { rows } = await db.query<{ masked_name: string }>(
      'SELECT masked_name FROM claims_review WHERE claim_id = $1',
      [claimId],
    );
    expect(isSealed(rows[0]?.masked_name)).toBe(true);
  });

  it('opens them for their readers: the claim lists, the notifier, the ticket phones', async () => {
    expect(await ticketPhones()).toEqual([phone, phone]);
    expect(await notices()).toEqual([phone, phone]);
    expect(await listed(hallClerk)).toMatchObject({ maskedName });
    const got = await call<{ maskedName: string; payeeAccount: string }>(
      `${hall.url}/api/claims/${claimId}`,
      { token: hallClerk },
    );
    expect(got.body).toMatchObject({ maskedName, payeeAccount: account });
    const texts = await waitFor(
      `the settlement and the rejection texted to ${phone}`,
      async () => {
        const items = (
          await call<{ text: string }[]>(`${supervisor.url}/api/sms/outbox?phone=${phone}`, {
            token: reader,
          })
        ).body.map((m) => m.text);
        return bothTexted(items) && items;
      },
      90_000,
    );
    expect(texts.join('\n')).not.toContain('pd1:');
    await waitFor('the claim in the supervisor read model', async () => {
      const { rows } = await db.query<{ masked_name: string }>(
        'SELECT masked_name FROM claims_deadline WHERE claim_id = $1',
        [claimId],
      );
      return rows[0] !== undefined && isSealed(rows[0].masked_name);
    });
  });

  it('erases every copy with the person: tickets, notices, claim names and kept answers', async () => {
    // The address change's answer shows the address, the claim's the bank account.
    const kept = async () =>
      (
        await db.query('SELECT 1 FROM idempotency_keys WHERE key = ANY($1)', [
          [changeKey, claimKey],
        ])
      ).rowCount;
    expect(await kept()).toBe(2);
    const erased = await call(`${hall.url}/api/residents/${residentId}/erasure`, {
      method: 'POST',
      token: admin,
      body: {},
    });
    expect(erased.status).toBe(200);
    expect(await ticketPhones()).toEqual([ERASED, ERASED]);
    expect(await notices()).toEqual([ERASED, ERASED]);
    expect(await listed(hallClerk)).toMatchObject({ maskedName: ERASED });
    const got = await call<{ maskedName: string; payeeAccount: string }>(
      `${hall.url}/api/claims/${claimId}`,
      { token: hallClerk },
    );
    expect(got.body).toMatchObject({ maskedName: ERASED, payeeAccount: ERASED });
    expect(await kept()).toBe(0);
    const settlement = await call(`${hospital.url}/api/settlements/${settlementId}`, {
      token: await login(hospital.url, 'clerk-hosp-2'),
    });
    expect(JSON.stringify(settlement.body)).not.toContain(phone);

    // The hospital held this person and their key from the settlement before the erasure.
    const after = await call(`${hospital.url}/api/settlements`, {
      token: await login(hospital.url, 'clerk-hosp-2'),
      body: dischargeBody(residentId, { admissionId: `ZY-E${Date.now()}` }),
    });
    expect(after.status).toBe(201);
    expect(JSON.stringify(after.body)).not.toContain(phone);
    expect(await notices()).toEqual([ERASED, ERASED, ERASED]);
  });

  it('lets the same number take a ticket again, sealed with a fresh key', async () => {
    const issued = await call<{ ticketId: string }>(`${hall.url}/api/stations/hall/tickets`, {
      token: hallClerk,
      body: { business: 'ENROLL_RESIDENT', phone },
    });
    expect(issued.status).toBe(201);
    ticketIds.push(issued.body.ticketId);
    expect(await ticketPhones()).toEqual([ERASED, ERASED, phone]);
  });

  it('rebuilds the supervisor claim list equal to the live one', async () => {
    const projection = claimsDeadlinesProjection();
    expect(await rebuildAndCompare(db, [projection])).toEqual({ [projection.name]: [] });
  }, 240_000);
});

/** Both the settlement's and the rejection's message have arrived. */
function bothTexted(items: readonly string[]): boolean {
  return items.some((t) => t.includes('结算')) && items.some((t) => t.includes('未通过'));
}
