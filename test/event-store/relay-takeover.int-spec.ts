import { EventStore, comparePositions, positionOf } from '@circle/event-store';
import type { Pool } from 'pg';
import {
  META,
  deleteCheckpoints,
  probe,
  readCheckpoint,
  runSuffix,
  testPool,
} from './support/probe';
import { spawnRelay, waitFor, type RelayProcess } from './support/relay-process';

describe('outbox relay whose leader freezes', () => {
  const run = runSuffix();
  const relayName = `test-takeover-${run}`;
  let pool: Pool;
  const relays: RelayProcess[] = [];

  beforeAll(() => {
    pool = testPool(2);
  });

  afterAll(async () => {
    for (const relay of relays) {
      if (relay.child.exitCode !== null || relay.child.signalCode !== null) continue;
      relay.child.kill('SIGCONT');
      relay.child.kill('SIGKILL');
      await relay.exited;
    }
    await deleteCheckpoints(pool, [relayName]);
    await pool.end();
  }, 30_000);

  function startRelay(): RelayProcess {
    const relay = spawnRelay({
      RELAY_NAME: relayName,
      RELAY_START_AT: 'end',
      RELAY_SESSION_TIMEOUT_MS: '2000',
    });
    relays.push(relay);
    return relay;
  }

  it('hands leadership to a standby instead of holding the lock on a session nobody runs', async () => {
    const leader = startRelay();
    await waitFor('the first relay to lead', () => leader.output().includes('leading'), 30_000);
    const standby = startRelay();
    // A stopped process still answers TCP keep-alives from its kernel: only the session's
    // idle timeout on the server can tell that nobody is behind it any more.
    leader.child.kill('SIGSTOP');

    const [event] = (await new EventStore(pool).append(`takeover-${run}`, 0, [probe(1)], META))
      .events;
    await waitFor(
      'the standby to relay the new event',
      async () => {
        const at = await readCheckpoint(pool, relayName);
        return at !== undefined && comparePositions(at, positionOf(event!)) >= 0;
      },
      30_000,
      100,
    );
    expect(standby.output()).toContain('leading');
  }, 60_000);
});
