import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore, requestFingerprint, type CommandAnswer } from '@circle/event-store';
import { EventStream } from '../../libs/walkins/src/streams/event-stream';
import { TEST_DATABASE_URL } from '../support/test-env';

/*
 * The queue commit path on the real log. The probe type rides on the quiet diagnostics topic,
 * so no read model meets these events; the stream id carries a per-run suffix.
 */
const PROBE = 'diagnostics.RelayProbeRecorded';
type Probe = { readonly type: typeof PROBE; readonly data: { readonly n: number | string } };

const model = {
  name: 'probe-count',
  initial: () => 0,
  evolve: (count: number) => count + 1,
  types: [PROBE] as const,
};

const context = { metadata: { correlationId: 'answer-first-test', actor: 'clerk-town-1' } };

const count = (state: number) => ({
  events: [{ type: PROBE, data: { n: state + 1 } }] as Probe[],
  answer: (after: number): CommandAnswer => ({ status: 200, body: after }),
});

/** A command the deciders accept but whose answer cannot be worked out. */
const unanswerable = () => ({
  events: [{ type: PROBE, data: { n: 'unanswerable' } }] as Probe[],
  answer: (): CommandAnswer => {
    throw new Error('the answer could not be worked out');
  },
});

describe('a queue command whose answer throws', () => {
  const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  let pool: Pool;
  let store: EventStore;

  beforeAll(() => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
    store = new EventStore(pool);
  });

  afterAll(async () => {
    await pool.query('DELETE FROM idempotency_keys WHERE key LIKE $1', [`%-${run}`]);
    await pool.end();
  });

  async function stored(streamId: string): Promise<unknown[]> {
    return (await store.readStream(streamId)).map((e) => (e.data as { n: unknown }).n);
  }

  it('leaves none of its events in the store, tells its caller, and the batch commits', async () => {
    const streamId = `answer-first-${run}`;
    const stream = new EventStream(store, model);
    // The first command goes out alone; the three behind it wait and are committed together.
    const results = await Promise.allSettled([
      stream.execute(streamId, count, context),
      stream.execute(streamId, count, context),
      stream.execute(streamId, unanswerable, context),
      stream.execute(streamId, count, context),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results[2]).toMatchObject({ reason: new Error('the answer could not be worked out') });
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.body : 'refused'))).toEqual([
      1,
      2,
      'refused',
      3,
    ]);
    expect(await stored(streamId)).toEqual([1, 2, 3]);
  });

  it('keeps no answer for its Idempotency-Key, so a retry is decided afresh', async () => {
    const streamId = `answer-first-keyed-${run}`;
    const stream = new EventStream(store, model);
    const keyed = {
      ...context,
      idempotency: {
        scope: 'clerk-town-1 POST /api/probe',
        key: `retry-${run}`,
        fingerprint: requestFingerprint({}),
      },
    };
    await expect(stream.execute(streamId, unanswerable, keyed)).rejects.toThrow(
      'the answer could not be worked out',
    );
    expect(await stored(streamId)).toEqual([]);
    expect((await stream.execute(streamId, count, keyed)).body).toBe(1);
    expect(await stored(streamId)).toEqual([1]);
  });
});
