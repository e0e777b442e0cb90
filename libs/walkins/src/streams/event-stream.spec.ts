import {
  ConcurrencyConflict,
  IdempotencyKeyReused,
  IdempotencyKeyTaken,
  keyIdOf,
  type AppendOptions,
  type CommandAnswer,
  type EventStore,
  type NewEvent,
} from '@circle/event-store';
import { EventStream } from './event-stream';

interface Count {
  readonly n: number;
}
type Counted = { readonly type: 'test.Counted'; readonly data: Record<string, never> };

const model = {
  name: 'count',
  initial: (): Count => ({ n: 0 }),
  evolve: (state: Count): Count => ({ n: state.n + 1 }),
  types: ['test.Counted'] as const,
};

const context = { metadata: { correlationId: 'c', actor: 'clerk-town-1' } };
const keyed = (key: string, fingerprint = 'f') => ({
  ...context,
  idempotency: { scope: 'clerk-town-1 POST /x', key, fingerprint },
});
const count = () => ({
  events: [{ type: 'test.Counted', data: {} }] as Counted[],
  answer: (after: Count) => ({ status: 200, body: after.n }),
});

/** The log as a list, with kept answers, failing appends on demand. */
function fakeStore() {
  const log: NewEvent[] = [];
  const kept = new Map<string, CommandAnswer & { fingerprint: string }>();
  const appends: number[] = [];
  let failNext: Error | undefined;
  const store = {
    readStream: async (_: string, from: number) =>
      log.slice(from - 1).map((e, i) => ({ ...e, streamVersion: from + i })),
    append: async (
      _: string,
      expected: number,
      events: NewEvent[],
      __: unknown,
      options: AppendOptions,
    ) => {
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      if (expected !== log.length) throw new ConcurrencyConflict('s-1', expected, log.length);
      for (const { request } of options.answers ?? [])
        if (kept.has(keyIdOf(request))) throw new IdempotencyKeyTaken();
      for (const { request, answer } of options.answers ?? [])
        kept.set(keyIdOf(request), { ...answer, fingerprint: request.fingerprint });
      log.push(...events);
      appends.push(events.length);
      return { version: log.length, events: [] };
    },
    streamVersion: async () => log.length,
    keptAnswers: async (requests: { scope: string; key: string; fingerprint: string }[]) =>
      new Map(
        requests.flatMap((r) => {
          const found = kept.get(keyIdOf(r));
          if (!found) return [];
          const { fingerprint, ...answer } = found;
          return [[keyIdOf(r), { fingerprint, answer }]];
        }),
      ),
  };
  return {
    store: store as unknown as EventStore,
    log,
    appends,
    failOnce: (error: Error) => (failNext = error),
  };
}

describe('EventStream', () => {
  it('answers every waiting command when the log cannot be read, and goes on after', async () => {
    let down = true;
    const store = {
      readStream: async () => {
        if (down) throw new Error('database away');
        return [];
      },
      append: async () => {
        throw new Error('database away');
      },
    } as unknown as EventStore;
    const stream = new EventStream<Count, Counted>(store, model);
    const first = stream.execute('s-1', count, context);
    const second = stream.execute('s-1', count, context);
    await expect(first).rejects.toThrow('database away');
    await expect(second).rejects.toThrow('database away');
    down = false;
    await expect(stream.execute('s-1', count, context)).rejects.toThrow('database away');
  });

  it('commits commands that wait together in one append, each on its predecessor’s state', async () => {
    const { store, appends } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => stream.execute('s-1', count, context)),
    );
    expect(answers.map((a) => a.body)).toEqual([1, 2, 3, 4]);
    expect(appends).toEqual([1, 3]);
  });

  it('gives a repeated key the first answer, in the same batch and after it, appending once', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    const together = await Promise.all([
      stream.execute('s-1', count, keyed('k1')),
      stream.execute('s-1', count, keyed('k2')),
      stream.execute('s-1', count, keyed('k2')),
    ]);
    expect(together.map((a) => a.body)).toEqual([1, 2, 2]);
    const later = await stream.execute('s-1', count, keyed('k1'));
    expect(later.body).toBe(1);
    expect(log).toHaveLength(2);
  });

  it('decides the rest of a batch again when one key already has a kept answer', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    await stream.execute('s-1', count, keyed('k1'));
    const [blocker, repeat, fresh, reused] = await Promise.allSettled([
      stream.execute('s-1', count, context),
      stream.execute('s-1', count, keyed('k1')),
      stream.execute('s-1', count, keyed('k3')),
      stream.execute('s-1', count, keyed('k1', 'other request')),
    ]);
    expect(blocker).toMatchObject({ status: 'fulfilled', value: { body: 2 } });
    expect(repeat).toMatchObject({ status: 'fulfilled', value: { body: 1 } });
    expect(fresh).toMatchObject({ status: 'fulfilled', value: { body: 3 } });
    expect(reused).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyKeyReused) });
    expect(log).toHaveLength(3);
  });

  it('reloads and decides again when another process appended first', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    await stream.execute('s-1', count, context);
    log.push({ type: 'test.Counted', schemaVersion: 1, data: {} });
    expect((await stream.execute('s-1', count, context)).body).toBe(3);
  });

  it('keeps nothing for a refused command and still commits the others', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    const refuse = () => {
      throw new Error('counter_busy');
    };
    const results = await Promise.allSettled([
      stream.execute('s-1', count, context),
      stream.execute('s-1', refuse, keyed('k9')),
      stream.execute('s-1', count, context),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toHaveLength(2);
    expect((await stream.execute('s-1', count, keyed('k9'))).body).toBe(3);
  });
  it('gives a repeat the state now refuses its first answer, and a reuse 422', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    // Like completing a ticket: allowed once, refused once it has happened.
    const once = (state: Count) => {
      if (state.n > 0) throw new Error('ticket_state_conflict');
      return count();
    };
    const first = await stream.execute('s-1', once, keyed('k7'));
    expect(await stream.execute('s-1', once, keyed('k7'))).toEqual(first);
    await expect(stream.execute('s-1', once, keyed('k7', 'other request'))).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
    await expect(stream.execute('s-1', once, keyed('k8'))).rejects.toThrow('ticket_state_conflict');
    await expect(stream.execute('s-1', once, context)).rejects.toThrow('ticket_state_conflict');
    expect(log).toHaveLength(1);
  });

  it('works out each answer before the events join the batch: one that throws adds none', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    const unanswerable = () => ({
      ...count(),
      answer: (): CommandAnswer => {
        throw new Error('no answer');
      },
    });
    const results = await Promise.allSettled([
      stream.execute('s-1', count, context),
      stream.execute('s-1', unanswerable, keyed('k5')),
      stream.execute('s-1', count, context),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toHaveLength(2);
    expect((await stream.execute('s-1', count, keyed('k5'))).body).toBe(3);
  });

  it('decides again on the latest state before refusing on a cached one', async () => {
    const { store, log } = fakeStore();
    const stream = new EventStream<Count, Counted>(store, model);
    await stream.execute('s-1', count, context);
    // Another process appends; this one's cache still says 1.
    log.push({ type: 'test.Counted', schemaVersion: 1, data: {} });
    const needsTwo = (state: Count) => {
      if (state.n < 2) throw new Error('not yet');
      return { events: [], answer: () => ({ status: 200, body: state.n }) };
    };
    expect((await stream.execute('s-1', needsTwo, context)).body).toBe(2);
  });
});
