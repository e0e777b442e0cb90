import type { QueryResult } from 'pg';
import { prepareAppend, type StreamAppend } from './append-events';
import { AppendQueue } from './append-queue';
import type { Queryable } from './queryable';

interface RequestDoc {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly events: readonly unknown[];
}

/** A database that accepts every append, answering each statement when told to. */
class HeldDatabase implements Queryable {
  readonly statements: string[][] = [];
  private readonly answers: (() => void)[] = [];

  query<R>(config: unknown): Promise<QueryResult<R & object>> {
    const [payload] = (config as { values: [string] }).values;
    const docs = JSON.parse(payload) as RequestDoc[];
    this.statements.push(docs.map((d) => d.streamId));
    const rows = docs.flatMap((doc, index) =>
      doc.events.map((_, ord) => ({
        i: index + 1,
        head_version: doc.expectedVersion,
        earlier_write: null,
        first_type: null,
        moved: null,
        global_position: String(this.statements.length * 100 + ord),
        stream_version: doc.expectedVersion + ord + 1,
        occurred_at: new Date(0),
        transaction_id: String(this.statements.length),
      })),
    );
    return new Promise((resolve) =>
      this.answers.push(() => resolve({ rows } as unknown as QueryResult<R & object>)),
    );
  }

  /** Answers the oldest statement waiting, then lets the queue send its next. */
  async answerNext(): Promise<void> {
    this.answers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const META = { correlationId: 'c', actor: 'a' };
const append = (streamId: string, expectedVersion = 0, rests: string[] = []): StreamAppend => ({
  streamId,
  expectedVersion,
  events: [{ type: 'diagnostics.QueueProbed', schemaVersion: 1, data: {} }],
  metadata: META,
  options: { unchanged: rests.map((s) => ({ streamId: s, version: 1 })) },
});

describe('AppendQueue', () => {
  it('sends an append at once when a statement is free, and gathers the rest meanwhile', async () => {
    const db = new HeldDatabase();
    const queue = new AppendQueue(db, { statements: 1 });
    const done = ['a', 'b', 'c', 'd'].map((s) => queue.append(prepareAppend(append(s))));
    expect(db.statements).toEqual([['a']]);
    await db.answerNext();
    expect(db.statements).toEqual([['a'], ['b', 'c', 'd']]);
    await db.answerNext();
    expect((await Promise.all(done)).map((r) => r.version)).toEqual([1, 1, 1, 1]);
  });

  it('never puts two appends touching one stream in a statement, and keeps their order', async () => {
    const db = new HeldDatabase();
    const queue = new AppendQueue(db, { statements: 1 });
    void queue.append(prepareAppend(append('first')));
    void queue.append(prepareAppend(append('year', 0, ['person'])));
    void queue.append(prepareAppend(append('person', 1)));
    void queue.append(prepareAppend(append('year', 1)));
    void queue.append(prepareAppend(append('other')));
    await db.answerNext();
    expect(db.statements.at(-1)).toEqual(['year', 'other']);
    await db.answerNext();
    expect(db.statements.at(-1)).toEqual(['person', 'year']);
  });

  it('holds an append while a running statement touches one of its streams', async () => {
    const db = new HeldDatabase();
    const queue = new AppendQueue(db, { statements: 2 });
    void queue.append(prepareAppend(append('person', 1)));
    void queue.append(prepareAppend(append('year', 0, ['person'])));
    void queue.append(prepareAppend(append('other')));
    // The second statement is free, but the year rests on the person being written.
    expect(db.statements).toEqual([['person'], ['other']]);
    await db.answerNext();
    expect(db.statements).toEqual([['person'], ['other'], ['year']]);
  });

  it('puts no more than its limit in one statement', async () => {
    const db = new HeldDatabase();
    const queue = new AppendQueue(db, { statements: 1, perStatement: 3 });
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) void queue.append(prepareAppend(append(s)));
    await db.answerNext();
    await db.answerNext();
    expect(db.statements).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
  });
});
