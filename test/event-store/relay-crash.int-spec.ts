import {
  EventStore,
  LOG_START,
  comparePositions,
  positionOf,
  type LogPosition,
  type StoredEvent,
} from '@circle/event-store';
import type { Pool } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-env';
import { readTopic, topicEnd } from './support/kafka-reader';
import {
  META,
  PROBE_TOPIC,
  deleteCheckpoints,
  probes,
  readCheckpoint,
  runSuffix,
  testPool,
} from './support/probe';
import { RelayProcess, spawnRelay, waitFor } from './support/relay-process';
import { streamOrderProblems } from './support/stream-order';

const STREAMS = 100;
const EVENTS_PER_STREAM = 200;
const PER_APPEND = 25;
const TOTAL = STREAMS * EVENTS_PER_STREAM;

describe('outbox relay killed with -9 mid-stream', () => {
  const run = runSuffix();
  const relayName = `test-crash-${run}`;
  const prefix = `crash-${run}-`;
  let pool: Pool;
  let store: EventStore;
  const relays: RelayProcess[] = [];

  beforeAll(() => {
    pool = testPool(12);
    store = new EventStore(pool);
  });

  afterAll(async () => {
    for (const relay of relays) {
      if (relay.child.exitCode === null && relay.child.signalCode === null) {
        relay.child.kill('SIGKILL');
        await relay.exited;
      }
    }
    await deleteCheckpoints(pool, [relayName]);
    await pool.end();
  }, 30_000);

  function startRelay(): RelayProcess {
    const relay = spawnRelay({
      RELAY_NAME: relayName,
      RELAY_START_AT: 'end',
      DATABASE_URL: TEST_DATABASE_URL,
    });
    relays.push(relay);
    return relay;
  }

  const checkpoint = async (): Promise<LogPosition> =>
    (await readCheckpoint(pool, relayName)) ?? LOG_START;

  /** Eight writers, each taking whole streams, appending in chunks with expected versions. */
  async function appendAll(appended: StoredEvent[]): Promise<void> {
    const queue = Array.from({ length: STREAMS }, (_, i) => `${prefix}${i}`);
    const writer = async () => {
      for (let stream = queue.shift(); stream; stream = queue.shift()) {
        for (let version = 0; version < EVENTS_PER_STREAM; version += PER_APPEND) {
          const result = await store.append(stream, version, probes(version + 1, PER_APPEND), META);
          appended.push(...result.events);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
  }

  it('delivers every event at least once and each stream in version order after a restart', async () => {
    const from = await topicEnd(PROBE_TOPIC);
    const first = startRelay();
    await waitFor('the relay to lead', () => first.output().includes('leading'), 30_000);

    const appended: StoredEvent[] = [];
    const writing = appendAll(appended);
    let relayedAtKill = 0;
    await waitFor(
      'the relay to be well into the stream',
      async () => {
        const at = await checkpoint();
        relayedAtKill = appended.filter((e) => comparePositions(positionOf(e), at) <= 0).length;
        return relayedAtKill >= 2_000;
      },
      90_000,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await writing;
    expect(appended).toHaveLength(TOTAL);
    expect(relayedAtKill).toBeLessThan(TOTAL);

    const second = startRelay();
    const end = appended.map(positionOf).reduce((a, b) => (comparePositions(a, b) >= 0 ? a : b));
    await waitFor(
      'the restarted relay to reach the end',
      async () => comparePositions(await checkpoint(), end) >= 0,
      120_000,
      50,
    );
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    const records = await readTopic(
      PROBE_TOPIC,
      from,
      (key) => key.startsWith(prefix),
      (got) => new Set(got.map((r) => r.event.eventId)).size >= TOTAL,
      60_000,
    );
    const delivered = new Set(records.map((r) => r.event.eventId));
    const missing = appended.filter((e) => !delivered.has(e.eventId));
    expect(missing.map((e) => `${e.streamId} v${e.streamVersion}`).slice(0, 10)).toEqual([]);
    const versions = new Map(
      Array.from({ length: STREAMS }, (_, i) => [`${prefix}${i}`, EVENTS_PER_STREAM]),
    );
    expect(streamOrderProblems(records, versions)).toEqual([]);
    // Duplicates are allowed (at least once); recorded so a run shows what the crash cost.
    console.log(
      `relay crash: ${relayedAtKill} of ${TOTAL} relayed at kill, ${records.length - delivered.size} duplicates after restart`,
    );
  }, 300_000);
});
