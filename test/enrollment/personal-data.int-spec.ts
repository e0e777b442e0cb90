import { randomInt, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { enrollmentProjections } from '../../libs/enrollment/src/projections';
import { monthlyReportProjection } from '../../libs/reports/src';
import { freshPhone } from '../notifier/support/sms-events';
import { waitFor } from '../notifier/support/sms-records';
import { rebuildAndCompare, rowsOf } from '../simulator/support/read-model-rebuild';
import type { RunningApp } from '../support/app-process';
import { startApps, stopApps } from '../support/start-apps';
import { call, login } from '../support/http';
import { TEST_DATABASE_URL, type AppName } from '../support/test-env';
import { freshResidentId } from './enrollment-fixtures';

// Ports of its own: TEST_PORT_BASE + 30 (hall), + 31 (supervisor), + 32 (notifier).
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100);
const ERASED = '[erased]';

jest.setTimeout(120_000);

interface HistoryEntry {
  changes: { field: string; from: string | null; to: string | null }[];
}

describe("a person's name, phone and address: sealed in the log, erased with their key", () => {
  // A rebuild holds its lock on one connection while it replays and swaps on others.
  const db = new Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  const residentId = freshResidentId('1972-08-19');
  // A name, phones and address no other run has, so finding them anywhere is this run's.
  const name = `封存${String.fromCharCode(0x4e00 + randomInt(0, 20000))}${Date.now() % 100000}`;
  const phone = freshPhone();
  const newPhone = freshPhone();
  const address = `太白湖新区${randomInt(1000, 9999)}号`;
  let hall: RunningApp;
  let supervisor: RunningApp;
  let notifier: RunningApp;
  let clerk: string;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    const env = { SMS_CALLBACK_SECRET: 'callback-secret-for-the-tests' };
    const ports: Partial<Record<AppName, number>> = { hall: 30, supervisor: 31, notifier: 32 };
    [hall, supervisor, notifier] = (await startApps(['hall', 'supervisor', 'notifier'], (app) => ({
      PORT: String(BASE + (ports[app] ?? 0)),
      ...env,
    }))) as [RunningApp, RunningApp, RunningApp];
    [clerk, admin, reader] = await Promise.all([
      login(hall.url, 'clerk-hall'),
      login(hall.url, 'admin'),
      login(supervisor.url, 'supervisor'),
    ]);
    const enrolled = await call(`${hall.url}/api/residents`, {
      token: clerk,
      body: { residentId, name, phone, address, category: 'general', region: 'taibai-lake' },
    });
    expect(enrolled.status).toBe(201);
    const changed = await call(`${hall.url}/api/residents/${residentId}`, {
      method: 'PATCH',
      token: clerk,
      body: { phone: newPhone, reason: '换号' },
    });
    expect(changed.status).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await stopApps([hall, supervisor, notifier]);
    await db.end();
  }, 60_000);

  const rawEvents = async () =>
    (
      await db.query<{ data: string }>(
        'SELECT data::text AS data FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [`resident-${residentId}`],
      )
    ).rows.map((r) => r.data);

  const coverage = async () =>
    (
      await call<{ name: string }>(`${hall.url}/api/residents/${residentId}/coverage`, {
        token: clerk,
      })
    ).body;

  const history = async () =>
    (
      await call<HistoryEntry[]>(`${hall.url}/api/residents/${residentId}/changes`, {
        token: clerk,
      })
    ).body;

  const indexed = async () =>
    (
      await db.query<{ name: string; name_key: string; phone: string | null }>(
        'SELECT name, name_key, phone FROM enrollment_person WHERE resident_id = $1',
        [residentId],
      )
    ).rows[0];

  const shownNames = async () =>
    (
      await db.query<{ masked_name: string }>(
        'SELECT masked_name FROM enrollment_coverage WHERE resident_id = $1',
        [residentId],
      )
    ).rows.map((r) => r.masked_name);

  /** Every figure of the person's years and the district's report, the names aside. */
  const totals = async () => {
    const { rows } = await db.query<{ figures: string }>(
      `SELECT (to_jsonb(c) - 'masked_name')::text AS figures FROM enrollment_coverage c
       WHERE resident_id = $1 ORDER BY year`,
      [residentId],
    );
    const counts = await db.query<{ people: string; years: string }>(
      `SELECT (SELECT count(*) FROM enrollment_person) AS people,
              (SELECT count(*) FROM enrollment_coverage) AS years`,
    );
    return {
      figures: rows.map((r) => r.figures),
      counts: counts.rows[0],
      report: await rowsOf(db, monthlyReportProjection()),
    };
  };

  const outbox = async (to: string) =>
    (
      await call<{ phone: string; text: string }[]>(
        `${supervisor.url}/api/sms/outbox?phone=${to}`,
        { token: reader },
      )
    ).body;

  let before: Awaited<ReturnType<typeof totals>>;

  it('keeps no name, phone or address in plain text in the log', async () => {
    const events = await rawEvents();
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const data of events) {
      expect(data).not.toContain(name);
      expect(data).not.toContain(phone);
      expect(data).not.toContain(newPhone);
      expect(data).not.toContain(address);
      expect(data).toContain(residentId);
    }
    expect(events.join('\n')).toContain('pd1:');
  });

  it('shows them to every reader: coverage, history, the person index, the coverage read model', async () => {
    expect(await coverage()).toMatchObject({ residentId, name });
    expect(await history()).toEqual([
      expect.objectContaining({ changes: [{ field: 'phone', from: phone, to: newPhone }] }),
    ]);
    const row = await waitFor(
      'the person indexed with the new phone',
      async () => {
        const now = await indexed();
        return now?.phone === newPhone && now;
      },
      60_000,
    );
    expect(row).toMatchObject({ name, phone: newPhone });
    const found = await call<{ people: { residentId: string; name: string }[] }>(
      `${hall.url}/api/people?phone=${newPhone}`,
      { token: clerk },
    );
    expect(found.body.people).toEqual([expect.objectContaining({ residentId, name })]);
    const names = await waitFor('the year projected', async () => {
      const shown = await shownNames();
      return shown.length > 0 && shown;
    });
    expect(names).toEqual([`${[...name][0]}${'*'.repeat([...name].length - 1)}`]);
  });

  it('texts the sealed phone: the notifier opens it and sends to the right number', async () => {
    const [enrolment] = await waitFor(
      `a message to ${phone}`,
      async () => {
        const items = await outbox(phone);
        return items.length > 0 && items;
      },
      90_000,
    );
    expect(enrolment?.text).toContain(`${[...name][0]}*`);
    expect(enrolment?.text).not.toContain('pd1:');
    const [changed] = await waitFor(
      `a message to ${newPhone}`,
      async () => {
        const items = await outbox(newPhone);
        return items.length > 0 && items;
      },
      30_000,
    );
    expect(changed?.text).not.toContain('pd1:');
  });

  it("erases on an admin's request, once per Idempotency-Key, for admins only", async () => {
    before = await totals();
    const url = `${hall.url}/api/residents/${residentId}/erasure`;
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    expect((await call(url, { method: 'POST', token: clerk, body: {} })).status).toBe(403);
    const erased = await call(url, { method: 'POST', token: admin, headers, body: {} });
    expect(erased).toMatchObject({ status: 200, body: { residentId, erased: true } });
    const again = await call(url, { method: 'POST', token: admin, headers, body: {} });
    expect(again).toMatchObject({ status: 200, body: { residentId, erased: true } });
    const unknown = `${hall.url}/api/residents/${freshResidentId()}/erasure`;
    expect((await call(unknown, { method: 'POST', token: admin, body: {} })).status).toBe(404);
    const { rows } = await db.query<{ data: object }>(
      `SELECT data FROM events WHERE stream_id = $1 AND event_type = 'enrollment.PersonErased'`,
      [`resident-${residentId}`],
    );
    expect(rows).toEqual([
      { data: { residentId, stationId: 'hall', at: expect.any(String) as unknown } },
    ]);
  });

  it('then shows the person erased everywhere, every total as it was', async () => {
    expect(await coverage()).toMatchObject({ residentId, name: ERASED });
    expect(await history()).toEqual([
      expect.objectContaining({ changes: [{ field: 'phone', from: ERASED, to: ERASED }] }),
    ]);
    const row = await waitFor('the index erased', async () => {
      const now = await indexed();
      return now?.name === ERASED && now;
    });
    expect(row).toEqual({ name: ERASED, name_key: '', phone: null });
    const found = await call<{ people: unknown[] }>(`${hall.url}/api/people?phone=${newPhone}`, {
      token: clerk,
    });
    expect(found.body.people).toEqual([]);
    await waitFor('the name shown erased', async () =>
      (await shownNames()).every((n) => n === ERASED),
    );
    const read = await call<{ years: { maskedName: string }[] }>(
      `${supervisor.url}/api/residents/${residentId}/coverage`,
      { token: reader },
    );
    expect(read.body.years.map((y) => y.maskedName)).toEqual([ERASED]);
    expect(await totals()).toEqual(before);
    const refused = await call(`${hall.url}/api/residents/${residentId}`, {
      method: 'PATCH',
      token: clerk,
      body: { phone: freshPhone() },
    });
    expect(refused.status).toBe(409);
  });

  it('stays erased with every total equal after the read models are rebuilt from the log', async () => {
    const report = await rebuildAndCompare(db, [
      ...enrollmentProjections(),
      monthlyReportProjection(),
    ]);
    expect(report).toEqual(
      Object.fromEntries(
        [...enrollmentProjections(), monthlyReportProjection()].map((p) => [p.name, []]),
      ),
    );
    expect(await indexed()).toEqual({ name: ERASED, name_key: '', phone: null });
    expect(await shownNames()).toEqual([ERASED]);
    expect(await totals()).toEqual(before);
  }, 240_000);
});
