import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('writes the calls that arrive meanwhile in one statement, each key once', async () => {
    const statements: string[][] = [];
    const coalescer = new Coalescer<{ key: string }, string>(async (items) => {
      statements.push(items.map((i) => i.key));
      await new Promise((r) => setTimeout(r, 5));
      return new Map(items.map((i) => [i.key, `done ${i.key}`]));
    });
    const answers = await Promise.all(
      ['a', 'b', 'c', 'b', 'd'].map((key) => coalescer.run({ key })),
    );
    expect(answers).toEqual(['done a', 'done b', 'done c', 'done b', 'done d']);
    expect(statements).toEqual([['a'], ['b', 'c', 'd'], ['b']]);
  });

  it('fails every call of a failed statement and goes on with the next', async () => {
    let first = true;
    const coalescer = new Coalescer<{ key: string }, number>(async (items) => {
      if (first) {
        first = false;
        throw new Error('connection lost');
      }
      return new Map(items.map((i) => [i.key, 1]));
    });
    const [a, b] = await Promise.allSettled([
      coalescer.run({ key: 'a' }),
      coalescer.run({ key: 'b' }),
    ]);
    expect(a).toMatchObject({ status: 'rejected' });
    expect(b).toEqual({ status: 'fulfilled', value: 1 });
  });
});

describe('Coalescer with statements side by side', () => {
  it('starts a second statement while the first is still being written', async () => {
    const open: number[] = [];
    let inFlight = 0;
    const coalescer = new Coalescer<{ key: string }, number>(async (items) => {
      open.push(++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return new Map(items.map((i) => [i.key, 1]));
    }, 2);
    await Promise.all(['a', 'b', 'c'].map((key) => coalescer.run({ key })));
    expect(open).toEqual([1, 2, 2]);
  });
});
