import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { enrollmentProjections } from '../../libs/enrollment/src/projections';
import type { StoredEvent } from '../../libs/event-store/src/stored-event';
import type { ProjectionTx, Row } from '../../libs/projections/src/projection';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { TEST_DATABASE_URL } from '../support/test-env';
import { freshResidentId } from './enrollment-fixtures';

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  occurred_at: Date;
}

const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });

function stored(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: BigInt(row.global_position),
    transactionId: 0n,
    occurredAt: row.occurred_at,
    metadata: row.metadata,
  };
}

/** Applies events the way the runner does, minus Kafka: one transaction per event. */
async function project(events: readonly StoredEvent[]): Promise<void> {
  const client = await pool.connect();
  const tx: ProjectionTx = {
    query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<R>(sql, [...params])).rows,
    table: (name) => name,
  };
  try {
    for (const event of events)
      for (const projection of enrollmentProjections().filter((p) => p.handles(event.type))) {
        await client.query('BEGIN');
        await projection.apply(event, tx);
        await client.query('COMMIT');
      }
  } finally {
    client.release();
  }
}

async function streamOf(residentId: string): Promise<StoredEvent[]> {
  const { rows } = await pool.query<EventRow>(
    'SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`resident-${residentId}`],
  );
  return rows.map(stored);
}

describe('the supervisor reads enrollment from its read models', () => {
  let hall: RunningApp;
  let supervisor: RunningApp;
  let clerk: string;
  let reader: string;

  beforeAll(async () => {
    [hall, supervisor] = await Promise.all([
      startApp('hall', { PORT: '4135' }),
      startApp('supervisor', { PORT: '4136' }),
    ]);
    clerk = await login(hall.url, 'clerk-hall');
    reader = await login(supervisor.url, 'supervisor');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall?.stop(), supervisor?.stop()]);
    await pool.end();
  });

  it('projects coverage and qualifications per resident, twice the same as once', async () => {
    const id = freshResidentId('1958-08-08');
    await call(`${hall.url}/api/residents`, {
      token: clerk,
      body: {
        residentId: id,
        name: '赵六',
        category: 'general',
        region: 'taibai-lake',
        year: 2022,
      },
    });
    await call(`${hall.url}/api/residents/${id}/contributions/2022/payments`, {
      token: clerk,
      body: { amountFen: 32_000, method: 'cash' },
    });
    await call(`${hall.url}/api/residents/${id}/qualifications`, {
      token: clerk,
      body: { disease: 'diabetes' },
    });
    const events = await streamOf(id);
    await project(events);
    await project(events);
    const reply = await call<Record<string, unknown[]>>(
      `${supervisor.url}/api/residents/${id}/coverage`,
      { token: reader },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.years).toEqual([
      expect.objectContaining({
        year: 2022,
        paid: true,
        paidFen: 32_000,
        individualFen: 32_000,
        maskedName: '赵*',
        policyWarning: null,
      }),
    ]);
    expect(reply.body.qualifications).toEqual([
      expect.objectContaining({ disease: 'diabetes', status: 'pending' }),
    ]);
  });

  it('lists a pending qualification past its deadline as overdue', async () => {
    const late = randomUUID();
    const residentId = freshResidentId();
    const applied = {
      residentId,
      stationId: 'hosp-1',
      at: '2022-05-27T10:15:00+08:00',
      qualificationId: late,
      disease: 'hypertension',
      diseaseName: '高血压',
      region: 'taibai-lake',
      year: 2022,
      policyVersion: 'taibai-lake@2022#0123456789ab',
      deadline: '2022-05-30T23:59:59.999+08:00',
      notice: { phone: null, maskedName: '钱*', summary: '', amountsFen: {} },
    };
    await project([
      stored({
        global_position: '0',
        stream_id: `resident-${residentId}`,
        stream_version: 1,
        event_id: randomUUID(),
        event_type: 'enrollment.ChronicQualificationApplied',
        schema_version: 1,
        data: applied,
        metadata: { correlationId: 'test', actor: 'test' },
        occurred_at: new Date(),
      }),
    ]);
    const overdue = await call<{ id: string; overdue: boolean; minutesLeft: number }[]>(
      `${supervisor.url}/api/qualifications/overdue`,
      { token: reader },
    );
    expect(overdue.status).toBe(200);
    const item = overdue.body.find((i) => i.id === late);
    expect(item).toMatchObject({ overdue: true, stationId: 'hosp-1', maskedName: '钱*' });
    expect(item!.minutesLeft).toBeLessThan(0);
    const bad = await call(`${supervisor.url}/api/qualifications/overdue?withinMinutes=soon`, {
      token: reader,
    });
    expect(bad.status).toBe(422);
    expect((await call(`${supervisor.url}/api/transfers/overdue`, { token: reader })).status).toBe(
      200,
    );
  });

  it('lists the regions running on a carried-forward policy today', async () => {
    const reply = await call<{ date: string; regions: Record<string, string>[] }>(
      `${supervisor.url}/api/policies/carried-forward`,
      { token: reader },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reply.body.regions).toEqual(
      expect.arrayContaining([
        {
          region: 'taibai-lake',
          policyVersion: expect.stringMatching(/^taibai-lake@2022#[0-9a-f]{12}$/),
          ownPeriodEnd: '2022-12-31',
          since: '2023-01-01',
        },
        expect.objectContaining({ region: 'shizhong-zaozhuang', ownPeriodEnd: '2021-12-31' }),
      ]),
    );
    const clerkHere = await login(supervisor.url, 'clerk-hall');
    const refused = await call(`${supervisor.url}/api/policies/carried-forward`, {
      token: clerkHere,
    });
    expect(refused.status).toBe(403);
  });

  it('is for supervisors: a clerk is refused', async () => {
    const clerkHere = await login(supervisor.url, 'clerk-hall');
    const reply = await call(`${supervisor.url}/api/qualifications/overdue`, { token: clerkHere });
    expect(reply.status).toBe(403);
  });
});
