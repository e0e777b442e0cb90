import { randomUUID } from 'node:crypto';
import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { securityPort } from './security-fixtures';

interface AuditEntry {
  position: string;
  at: string;
  actor: string;
  stationId: string | null;
  action: string;
  streamId: string;
  correlationId: string | null;
}

interface AuditPage {
  entries: AuditEntry[];
  nextBefore: string | null;
}

describe('the audit view', () => {
  let hall: RunningApp;
  let supervisor: RunningApp;
  let clerk: string;
  let reader: string;
  const requestId = `audit-${randomUUID()}`;
  const residentId = freshResidentId();
  const startedAt = new Date(Date.now() - 1_000);

  beforeAll(async () => {
    [hall, supervisor] = await Promise.all([
      startApp('hall', { PORT: securityPort(7) }),
      startApp('supervisor', { PORT: securityPort(4) }),
    ]);
    [clerk, reader] = await Promise.all([
      login(hall.url, 'clerk-hall'),
      login(supervisor.url, 'supervisor'),
    ]);
    const issued = await call(`${hall.url}/api/stations/hall/tickets`, {
      token: clerk,
      body: { business: 'COVERAGE_ENQUIRY' },
      headers: { 'x-request-id': requestId },
    });
    expect(issued.status).toBe(201);
    const enrolled = await call(`${hall.url}/api/residents`, {
      token: clerk,
      body: { residentId, name: '王小明', category: 'general', region: 'taibai-lake', year: 2022 },
    });
    expect(enrolled.status).toBe(201);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall, supervisor].map((app) => app?.stop()));
  });

  const audit = (query: string, token = reader) =>
    call<AuditPage>(`${supervisor.url}/api/audit?${query}`, { token });

  it("lists a clerk's command with who, what, when and where", async () => {
    const reply = await audit('stationId=hall&actor=clerk-hall&limit=50');
    expect(reply.status).toBe(200);
    const issued = reply.body.entries.find((e) => e.correlationId === requestId);
    expect(issued).toMatchObject({
      actor: 'clerk-hall',
      stationId: 'hall',
      action: 'walkins.TicketIssued',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/),
    });
    expect(new Date(issued!.at).getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    expect(
      reply.body.entries.every((e) => e.actor === 'clerk-hall' && e.stationId === 'hall'),
    ).toBe(true);
  });

  it('masks ID numbers: the listing never shows a resident ID', async () => {
    const reply = await audit('actor=clerk-hall&limit=50');
    const enrollment = reply.body.entries.filter((e) => e.action.startsWith('enrollment.'));
    expect(enrollment.map((e) => e.streamId)).toContain(
      `resident-${'*'.repeat(14)}${residentId.slice(-4)}`,
    );
    expect(JSON.stringify(reply.body)).not.toContain(residentId.slice(0, 14));
  });

  it('narrows by time and pages on from nextBefore', async () => {
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await audit(`stationId=hall&from=${future}`)).body.entries).toEqual([]);
    const from = encodeURIComponent(startedAt.toISOString());
    const recent = await audit(`stationId=hall&actor=clerk-hall&from=${from}&limit=1`);
    expect(recent.body.entries).toHaveLength(1);
    expect(recent.body.nextBefore).toBe(recent.body.entries[0]!.position);
    const older = await audit(`stationId=hall&before=${recent.body.nextBefore}&limit=1`);
    expect(BigInt(older.body.entries[0]!.position)).toBeLessThan(BigInt(recent.body.nextBefore!));
  });

  it('refuses bad filters naming them, and every caller but supervisors and admins', async () => {
    const early = encodeURIComponent('2026-12-04T08:00+08:00');
    const late = encodeURIComponent('2026-12-04T18:00+08:00');
    for (const [query, field] of [
      [`from=${late}&to=${early}`, 'to'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['before=abc', 'before'],
      ['residentId=1', 'residentId'],
    ]) {
      const reply = await audit(query!);
      expect({ query, status: reply.status }).toEqual({ query, status: 422 });
      expect(reply.body).toMatchObject({ fields: [expect.objectContaining({ field })] });
    }
    expect((await audit('limit=1', await login(supervisor.url, 'clerk-hall'))).status).toBe(403);
    expect((await audit('limit=1', await login(supervisor.url, 'admin'))).status).toBe(200);
    expect((await call(`${supervisor.url}/api/audit`)).status).toBe(401);
  });
});
