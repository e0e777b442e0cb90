import { Pool } from 'pg';
import { supervisorProjections } from '../../apps/supervisor/src/supervisor.projections';
import { noticeOf } from '../../libs/notifications/src/domain/notice-of-event';
import { simulate, type CommandRecord, type SimulationSummary } from '@circle/simulator';
import { DEMO_STATIONS } from '../../libs/simulator/src/domain/simulated-district';
import type { RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { startApps } from '../support/start-apps';
import type { AppName } from '../support/test-env';
import { freshDemoDatabase } from './support/own-database';
import { rebuildAndCompare } from './support/read-model-rebuild';
import { openedRows } from '../support/opened-log';

// The suite's apps listen on TEST_PORT_BASE + 75 … + 79 (4175 … 4179 by default), clear of
// the other suites', on a database of its own.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 75;
const APPS: readonly AppName[] = ['hall', 'township', 'hospital', 'supervisor', 'notifier'];
const port = (app: AppName) => String(BASE + APPS.indexOf(app));

// An hour and a half of a March morning at six times the seed's rates: enough for every
// village point to see visitors, short enough to play in well under a minute at full speed.
const DAY = {
  seed: 16,
  from: '2022-03-01T09:00:00+08:00',
  to: '2022-03-01T10:30:00+08:00',
  scale: 6,
};

interface LoggedEvent {
  event_id: string;
  event_type: string;
  occurred_at: Date;
  data: unknown;
}

describe('a short simulated day of the whole circle', () => {
  let apps: RunningApp[] = [];
  let db: Pool;
  let supervisorUrl: string;
  let summary: SimulationSummary;
  const commands: CommandRecord[] = [];

  beforeAll(async () => {
    const url = await freshDemoDatabase('simulated_day');
    db = new Pool({ connectionString: url, max: 4 });
    apps = await startAppsOn(url);
    const urlOf = (name: AppName) => apps.find((a) => a.name === name)!.url;
    supervisorUrl = urlOf('supervisor');
    summary = await simulate({
      urls: {
        hall: urlOf('hall'),
        township: urlOf('township'),
        hospital: urlOf('hospital'),
        supervisor: supervisorUrl,
      },
      ...DAY,
      speedUp: 'max',
      onCommand: (c) => commands.push(c),
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await db?.end();
  });

  it('serves tickets at every station of the district', () => {
    for (const station of DEMO_STATIONS) {
      const served = summary.ticketsServed[station.stationId] ?? 0;
      expect({ station: station.stationId, served: served > 0 }).toEqual({
        station: station.stationId,
        served: true,
      });
    }
    expect(summary.settlements.inpatient).toBeGreaterThan(0);
    expect(summary.byOperation['apply-qualification']).toBeGreaterThan(0);
    expect(summary.byOperation['submit-claim']).toBeGreaterThan(0);
    expect(summary.byOperation['no-show']).toBeGreaterThan(0);
    expect(summary.byOperation.transfer).toBeGreaterThan(0);
  });

  it('never got a 5xx, nor lost an answer', () => {
    expect(commands.filter((c) => c.status >= 500 || c.status === 0)).toEqual([]);
    expect(summary.fiveHundreds).toBe(0);
  });

  it('sends every SMS-worthy event of the day exactly one sandbox message', async () => {
    const { rows } = await db.query<LoggedEvent>(
      'SELECT event_id, event_type, occurred_at, data FROM events ORDER BY global_position',
    );
    const worthy = (await openedRows(db, rows)).flatMap((e) => {
      const outcome = noticeOf({
        eventId: e.event_id,
        type: e.event_type,
        occurredAt: e.occurred_at,
        data: e.data,
      });
      return 'notice' in outcome ? [outcome.notice] : [];
    });
    expect(worthy.length).toBeGreaterThan(100);
    const reader = await login(supervisorUrl, 'supervisor');
    const phones = [...new Set(worthy.map((n) => n.phone))];
    const deadline = Date.now() + 60_000;
    let missing: string[];
    let repeated: string[];
    do {
      const seen = new Map<string, number>();
      for (const phone of phones) {
        const outbox = await call<{ eventId: string | null; messageId: string }[]>(
          `${supervisorUrl}/api/sms/outbox?phone=${phone}`,
          { token: reader },
        );
        // A result's message is named by its event; "your turn is near" messages name the
        // call that moved the queue, which may tell several tickets at once.
        for (const item of outbox.body)
          if (item.eventId && item.messageId === item.eventId)
            seen.set(item.eventId, (seen.get(item.eventId) ?? 0) + 1);
      }
      missing = worthy
        .filter((n) => !seen.has(n.eventId))
        .map((n) => `${n.eventType} ${n.eventId}`);
      repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      if (!missing.length) break;
      await new Promise((r) => setTimeout(r, 2_000));
    } while (Date.now() < deadline);
    expect({ missing: missing.slice(0, 5), repeated }).toEqual({ missing: [], repeated: [] });
    const { rows: calls } = await db.query<{ message_id: string; calls: number }>(
      'SELECT message_id, calls FROM sms_sandbox_message WHERE message_id = ANY($1) AND calls <> 1',
      [worthy.map((n) => n.messageId)],
    );
    expect(calls).toEqual([]);
  }, 120_000);

  it('keeps every read model equal to a fresh rebuild of it from the log', async () => {
    const report = await rebuildAndCompare(db, supervisorProjections());
    expect(Object.keys(report).length).toBeGreaterThan(5);
    expect(Object.fromEntries(Object.entries(report).filter(([, d]) => d.length))).toEqual({});
  }, 120_000);
});

const startAppsOn = (databaseUrl: string): Promise<RunningApp[]> =>
  startApps(APPS, (name) => ({ PORT: port(name), DATABASE_URL: databaseUrl }));
