import { Global, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  EventStore,
  EventStoreModule,
  OutboxRelayModule,
  OutboxRelayService,
} from '@circle/event-store';
import { APP_CONFIG, MetricsRegistry, loadConfig } from '@circle/platform';
import { testEnv } from '../support/test-env';
import { META, deleteCheckpoints, probe, runSuffix, testPool } from './support/probe';
import { waitFor } from './support/relay-process';

async function relayLockHeld(relayName: string): Promise<boolean> {
  const pool = testPool(1);
  try {
    const { rows } = await pool.query<{ held: boolean }>(
      `SELECT count(*) > 0 AS held FROM pg_locks
       WHERE locktype = 'advisory' AND objsubid = 1
         AND objid = (hashtextextended($1, 0) & 4294967295)::oid
         AND classid = ((hashtextextended($1, 0) >> 32) & 4294967295)::oid`,
      [`outbox-relay:${relayName}`],
    );
    return rows[0]!.held;
  } finally {
    await pool.end();
  }
}

describe('event store and relay inside a Nest app', () => {
  const run = runSuffix();
  const relayName = `test-nest-${run}`;
  const config = loadConfig('event-store-test', 0, testEnv());
  let app: INestApplication;

  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: MetricsRegistry, useValue: new MetricsRegistry('event-store-test') },
    ],
    exports: [APP_CONFIG, MetricsRegistry],
  })
  class PlatformStandIn {}

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformStandIn,
        EventStoreModule,
        OutboxRelayModule.with({ name: relayName, startAt: 'end' }),
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    const pool = testPool(1);
    await deleteCheckpoints(pool, [relayName]);
    await pool.end();
  }, 30_000);

  it('appends through the provided store and relays, counting on /metrics', async () => {
    const relay = app.get(OutboxRelayService);
    await waitFor('the relay to lead', () => relay.leading, 20_000);
    await app.get(EventStore).append(`nest-${run}`, 0, [probe(1)], META);

    const metrics = app.get(MetricsRegistry).registry;
    const relayed = async () => {
      const counter = await metrics.getSingleMetric('circle_relay_events_total')?.get();
      return (counter?.values ?? []).some(
        (v) =>
          v.labels.relay === relayName && v.labels.topic === 'circle.diagnostics' && v.value > 0,
      );
    };
    await waitFor('the relay to count the event', relayed, 30_000, 50);
    expect(await metrics.metrics()).toContain('circle_relay_lag_seconds');
  }, 60_000);

  it('stops the relay and releases its lock when the app closes', async () => {
    expect(await relayLockHeld(relayName)).toBe(true);
    await app.close();
    expect(await relayLockHeld(relayName)).toBe(false);
  }, 30_000);
});
